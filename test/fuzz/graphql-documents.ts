import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema, getNamedType, GraphQLField, GraphQLInputType, GraphQLNamedType, GraphQLObjectType, GraphQLOutputType,
  isEnumType, isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType, isScalarType, isUnionType,
} from 'graphql';
import { deep, ODD_NUMBERS, ODD_STRINGS, oddValue, Random } from './random';

/**
 * GraphQL operations for the fuzz test, made from the service's real schema.graphql: a Query or
 * Mutation field with arguments of roughly the right types (odd strings, huge numbers, wrong
 * types, dates that are none), as literals or as variables, selecting a few fields of what it
 * returns; then, often, the document's tokens are dropped, doubled, swapped or replaced.
 */
const schema = buildSchema(readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));

export interface GraphqlCase { query: string; variables: Record<string, unknown> }

export function graphqlCase(r: Random): GraphqlCase {
  const kind = r.chance(0.5) ? 'mutation' : 'query';
  const root = (kind === 'mutation' ? schema.getMutationType() : schema.getQueryType())!;
  const field = r.pick(Object.values(root.getFields()));
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const args = field.args.filter((a) => isNonNullType(a.type) || r.chance(0.5)).map((a) => {
    if (r.chance(0.3)) {
      const name = `v${declarations.length}`;
      declarations.push(`$${name}: ${r.chance(0.9) ? String(a.type) : r.pick(['String', 'Int!', '[ID!]', 'JSONObject'])}`);
      variables[name] = r.chance(0.7) ? valueOf(r, a.type, 0) : oddValue(r);
      return `${a.name}: $${name}`;
    }
    return `${a.name}: ${literal(r, a.type, 0)}`;
  });
  const head = `${kind} Fuzz${declarations.length ? `(${declarations.join(', ')})` : ''}`;
  let query = `${head} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection(r, field.type, 0)} }`;
  if (r.chance(0.4)) query = mutateTokens(r, query);
  return { query, variables };
}

/** A JSON value for an input type: mostly the right shape, sometimes not. */
function valueOf(r: Random, type: GraphQLInputType, depth: number): unknown {
  if (isNonNullType(type)) return r.chance(0.05) ? null : valueOf(r, type.ofType, depth);
  if (isListType(type)) return Array.from({ length: r.int(3) }, () => valueOf(r, type.ofType, depth + 1));
  if (r.chance(0.08)) return oddValue(r);
  if (isInputObjectType(type)) {
    if (depth > 3) return {};
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || r.chance(0.4))
      .map((f) => [f.name, valueOf(r, f.type, depth + 1)]));
  }
  if (isEnumType(type)) return r.chance(0.9) ? r.pick(type.getValues()).name : 'NOT_A_VALUE';
  return scalarValue(r, type as GraphQLNamedType);
}

function scalarValue(r: Random, type: GraphQLNamedType): unknown {
  switch (type.name) {
    case 'Int': return r.chance(0.7) ? r.int(50) : r.pick(ODD_NUMBERS);
    case 'Float': return r.chance(0.7) ? r.next() : r.pick(ODD_NUMBERS);
    case 'Boolean': return r.chance(0.5);
    case 'DateTimeISO': return r.pick(['2026-01-01T00:00:00Z', '2020-02-30T00:00:00Z', '9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z', 'yesterday']);
    case 'JSONObject': return r.chance(0.7) ? { k: r.pick(ODD_STRINGS), n: r.pick(ODD_NUMBERS) } : r.chance(0.5) ? deep(r.pick([20, 120])) : oddValue(r);
    default: return r.chance(0.6) ? `fuzz${r.int(5)}` : r.pick(ODD_STRINGS);
  }
}

/** The same value written into the document (GraphQL literal syntax). */
function literal(r: Random, type: GraphQLInputType, depth: number): string {
  return toLiteral(valueOf(r, type, depth), getNamedType(type));
}

function toLiteral(value: unknown, named: GraphQLNamedType): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => toLiteral(v, named)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    return `{ ${Object.entries(value).map(([k, v]) => `${/^[_A-Za-z]\w*$/.test(k) ? k : 'bad'}: ${toLiteral(v, fields[k] ? getNamedType(fields[k].type) : named)}`).join(', ')} }`;
  }
  if (typeof value === 'string') return isEnumType(named) && /^[_A-Za-z]\w*$/.test(value) ? value : JSON.stringify(value);
  return Number.isFinite(value as number) || typeof value === 'boolean' ? String(value) : '0';
}

/** A selection of a few fields of `type` (none for a scalar), two levels at most. */
function selection(r: Random, type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isScalarType(named) || isEnumType(named)) return '';
  if (isUnionType(named) || isInterfaceType(named) || depth > 1) return ' { __typename }';
  const fields = Object.values((named as GraphQLObjectType).getFields()).filter((f: GraphQLField<unknown, unknown>) => !f.args.some((a) => isNonNullType(a.type)));
  const chosen = fields.filter(() => r.chance(0.4)).slice(0, 4);
  if (!chosen.length) return ' { __typename }';
  return ` { ${chosen.map((f) => `${f.name}${isObjectType(getNamedType(f.type)) || isUnionType(getNamedType(f.type)) ? selection(r, f.type, depth + 1) : ''}`).join(' ')} }`;
}

const TOKEN = /"(?:[^"\\]|\\.)*"|\.\.\.|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[_A-Za-z]\w*|\S/g;

/** The document with one to three of its tokens dropped, doubled, swapped or replaced. */
function mutateTokens(r: Random, query: string): string {
  const tokens = query.match(TOKEN) ?? [];
  for (let n = 1 + r.int(3); n > 0 && tokens.length; n--) {
    const i = r.int(tokens.length);
    switch (r.int(4)) {
      case 0: tokens.splice(i, 1); break;
      case 1: tokens.splice(i, 0, tokens[i]); break;
      case 2: { const j = r.int(tokens.length); [tokens[i], tokens[j]] = [tokens[j], tokens[i]]; break; }
      default: tokens[i] = r.pick(['{', '}', '(', ')', '$v0', '...', '99999999999999999999', '"\\u0000"', '@skip', 'null', 'fragment', '#']);
    }
  }
  return tokens.join(' ');
}
