import {
  GraphQLField, GraphQLNamedType, GraphQLSchema, isAbstractType, isEnumType, isInputObjectType, isInterfaceType, isObjectType,
} from 'graphql';
import { ComplexityEstimator } from 'graphql-query-complexity';

/**
 * Introspection answers are lists as long as the schema is wide: `__schema { types { fields { name } } }`
 * returns every field of every type. Counted as 1 per field (like any other field without a page),
 * 1,000 aliases of `__schema` passed the cost limit and answered 52 MB. So introspection costs the
 * objects it answers: each of its lists, its length in this schema (types, directives) or average
 * length (fields per type, args per field, ...) times (1 + what is selected under each element);
 * its other fields cost what is under them (the nested `ofType` chain of a type reference,
 * mostly null, costs nothing). GraphiQL's full introspection query then costs about as many
 * types, fields and arguments as the schema has.
 */
export function introspectionEstimator(schema: GraphQLSchema): ComplexityEstimator {
  let sizes = sizesBySchema.get(schema);
  if (!sizes) sizesBySchema.set(schema, (sizes = listSizes(schema)));
  const known = sizes;
  return ({ type, field, childComplexity }) => {
    if (!type.name.startsWith('__')) return undefined;
    const n = known.get(`${type.name}.${field.name}`);
    return n === undefined ? childComplexity : n * (1 + childComplexity);
  };
}

/** Computed once per schema (the service has one). */
const sizesBySchema = new WeakMap<GraphQLSchema, Map<string, number>>();

/** The length (or average length, at least 1) of each list field of the introspection types, in this schema. */
function listSizes(schema: GraphQLSchema): Map<string, number> {
  const types = Object.values(schema.getTypeMap());
  const fields: GraphQLField<unknown, unknown>[] = types.flatMap((t) => (isObjectType(t) || isInterfaceType(t) ? Object.values(t.getFields()) : []));
  const directives = schema.getDirectives();
  const perType = (count: (t: GraphQLNamedType) => number) => average(types.reduce((sum, t) => sum + count(t), 0), types.length);
  return new Map([
    ['__Schema.types', types.length],
    ['__Schema.directives', directives.length],
    ['__Type.fields', average(fields.length, types.length)],
    ['__Type.inputFields', perType((t) => (isInputObjectType(t) ? Object.keys(t.getFields()).length : 0))],
    ['__Type.enumValues', perType((t) => (isEnumType(t) ? t.getValues().length : 0))],
    ['__Type.interfaces', perType((t) => (isObjectType(t) || isInterfaceType(t) ? t.getInterfaces().length : 0))],
    ['__Type.possibleTypes', perType((t) => (isAbstractType(t) ? schema.getPossibleTypes(t).length : 0))],
    ['__Field.args', average(fields.reduce((sum, f) => sum + f.args.length, 0), fields.length)],
    ['__Directive.args', average(directives.reduce((sum, d) => sum + d.args.length, 0), directives.length)],
  ]);
}

const average = (total: number, count: number) => Math.max(1, Math.ceil(total / Math.max(1, count)));
