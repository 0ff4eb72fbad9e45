import type { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode, FieldNode, FragmentDefinitionNode, getNamedType, GraphQLField, GraphQLSchema, isObjectType, Kind, OperationDefinitionNode, SelectionSetNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../common/connection';
import { QueryTooComplexError } from '../common/errors';
import { introspectionEstimator } from './introspection-cost';
import { perOperation } from './per-operation';

export interface QueryLimits { maxDepth: number; maxComplexity: number; maxPageSize: number }

/**
 * The most selections the cost estimate visits, fragments expanded (graphql-query-complexity's
 * maxQueryNodes): past it the estimate stops and the operation is refused, so a document whose
 * fragments fan out cannot keep the estimator (or anything after it) busy.
 */
export const MAX_QUERY_NODES = 10_000;

/**
 * Page sizes multiply the cost of what a page holds, and only that. A field taking `page: PageInput`
 * returns up to `page.first` rows (capped at the page limit):
 * - when it returns the connection itself, everything selected under it costs that many times over;
 * - when it returns an answer holding a connection (impact: origins, summary and `items`), only what
 *   is selected under the connection does: the rest comes once per answer, and the store computes
 *   the whole answer in one statement whatever the page size.
 * A named fragment spread directly under such a field hides which part is the connection's: then
 * everything under it is multiplied, as for a connection. Fields with a `complexity` of their own
 * (type-graphql's `@Field({ complexity })`, read by fieldExtensionsEstimator first) keep it.
 *
 * Fresh estimators for each estimate: the first one notes what each connection's selection costs
 * (graphql-query-complexity estimates a field's children before the field), for its paged parent.
 */
export function pageEstimators(maxPageSize: number): [note: ComplexityEstimator, paged: ComplexityEstimator] {
  const connectionCost = new Map<FieldNode, number>();
  const noteConnection: ComplexityEstimator = ({ field, node, childComplexity }) => {
    if (isConnection(field) && !hasPage(field)) connectionCost.set(node, childComplexity);
    return undefined;
  };
  const paged: ComplexityEstimator = ({ field, node, args, childComplexity }) => {
    if (!hasPage(field)) return undefined;
    const requested = Number((args.page as { first?: number } | undefined)?.first ?? DEFAULT_PAGE_SIZE);
    // A `first` over the page limit is the resolver's to refuse, with its own precise error.
    const first = Math.max(1, Math.min(requested, maxPageSize));
    const inConnections = isConnection(field) ? childComplexity : connectionsUnder(node.selectionSet, connectionCost);
    return 1 + childComplexity + (first - 1) * (inConnections ?? childComplexity);
  };
  return [noteConnection, paged];
}

const hasPage = (field: GraphQLField<unknown, unknown>) => field.args.some((a) => a.name === 'page');

/** A Relay-style connection (src/common/connection.ts): `nodes` and `pageInfo`. */
function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return isObjectType(type) && 'pageInfo' in type.getFields() && 'nodes' in type.getFields();
}

/** What the connections selected in `set` (directly or in inline fragments) cost; undefined when a named spread hides them. */
function connectionsUnder(set: SelectionSetNode | undefined, cost: Map<FieldNode, number>): number | undefined {
  let sum = 0;
  for (const sel of set?.selections ?? []) {
    if (sel.kind === Kind.FRAGMENT_SPREAD) return undefined;
    const inner = sel.kind === Kind.INLINE_FRAGMENT ? connectionsUnder(sel.selectionSet, cost) : (cost.get(sel) ?? 0);
    if (inner === undefined) return undefined;
    sum += inner;
  }
  return sum;
}

/**
 * Refuses, before anything runs, operations nested deeper than maxDepth or estimated costlier
 * than maxComplexity (with the request's variables: `first: $n` counts as what $n is). Fields of
 * introspection (`__schema`, `__type`) do not count towards depth: tools such as GraphiQL need them.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation) checkOperationLimits(schema, document, operation, request.variables, limits);
        },
      };
    },
  };
}

/**
 * Throws QueryTooComplexError when the operation nests deeper than maxDepth or its estimated cost
 * (with its variables) is over maxComplexity. The one check of every way an operation comes in:
 * POST /graphql (the plugin above) and subscriptions over graphql-ws (src/app/subscriptions.ts).
 */
export function checkOperationLimits(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined, limits: QueryLimits): void {
  const depth = depthOf(schema, document, operation);
  if (depth > limits.maxDepth) {
    throw new QueryTooComplexError(`The operation is nested ${depth} levels deep; at most ${limits.maxDepth} are allowed.`,
      { limit: 'depth', max: limits.maxDepth, actual: depth });
  }
  const vars = withoutLists(variables ?? undefined);
  const passed = passedCosts(schema, document, operation);
  const key = costKey(vars, limits);
  if (passed.has(key)) return;
  // Variables that do not fit the operation: execution refuses them, with the precise error, before any resolver.
  if (getVariableValues(schema, operation.variableDefinitions ?? [], vars).errors) return;
  let complexity: number;
  try {
    const [noteConnection, paged] = pageEstimators(limits.maxPageSize);
    complexity = getComplexity({
      schema, query: document, operationName: operation.name?.value, variables: vars, maxQueryNodes: MAX_QUERY_NODES,
      estimators: [noteConnection, introspectionEstimator(schema), fieldExtensionsEstimator(), paged, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (e) {
    // An operation whose cost is unknown is not run: that is what the limit is for.
    throw new QueryTooComplexError(`The operation's cost could not be estimated (${(e as Error).message}); ` +
      `at most ${MAX_QUERY_NODES} selections, fragments expanded, are estimated.`, { limit: 'complexity', max: limits.maxComplexity });
  }
  if (complexity > limits.maxComplexity) {
    throw new QueryTooComplexError(`The operation's estimated cost is ${complexity}; at most ${limits.maxComplexity} is allowed. ` +
      'Ask for smaller pages or fewer nested fields.', { limit: 'complexity', max: limits.maxComplexity, actual: complexity });
  }
  if (passed.size >= REMEMBERED_COSTS) passed.delete(passed.values().next().value!);
  passed.add(key);
}

/** An operation's depth depends on its document alone. */
const depthOf = perOperation((_schema, document, operation) => operationDepth(document, operation));

/**
 * The estimates that passed, per operation and costKey: the estimate walks the whole document with
 * its variables (for the impact query over a millisecond of CPU, near what executing a small answer costs),
 * and a client sends the same query with the same page sizes over and over. Refusals are not remembered (they are estimated again,
 * so their errors stay exactly those of a first estimate).
 */
const passedCosts = perOperation(() => new Set<string>());
const REMEMBERED_COSTS = 100;

/**
 * What the estimate can read of a request: the limits and the variables' numbers, booleans, nulls
 * and shape. Strings (ids, names, cursors, enum values, dates) are left out: no estimator here reads
 * one (page sizes are numbers), so the same query for another id costs the same. A field whose
 * `complexity` reads a string argument would have to put strings back in.
 */
function costKey(variables: Record<string, unknown>, limits: QueryLimits): string {
  return JSON.stringify([limits.maxComplexity, limits.maxPageSize, variables], (_key, value: unknown) => (typeof value === 'string' ? '' : value));
}

/**
 * The deepest field nesting of an operation, through fragments. Each fragment's depth is computed
 * once and reused at every spread: time linear in the document, however often fragments spread
 * one another (walking a fragment per spread is exponential in a chain of double spreads).
 */
export function operationDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const fragmentDepth = new Map<string, number>();
  const depthOfFragment = (name: string): number => {
    const known = fragmentDepth.get(name);
    if (known !== undefined) return known;
    fragmentDepth.set(name, 0); // a cycle (validation refuses those first) adds nothing
    const depth = depthOf(fragments.get(name)?.selectionSet);
    fragmentDepth.set(name, depth);
    return depth;
  };
  const depthOf = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let max = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        max = Math.max(max, 1 + depthOf(sel.selectionSet));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, depthOf(sel.selectionSet));
      } else {
        max = Math.max(max, depthOfFragment(sel.name.value));
      }
    }
    return max;
  };
  return depthOf(operation.selectionSet);
}

/**
 * The variables the estimate needs, with list values emptied: getComplexity coerces every variable
 * as execution will, and a 5,000-point recordMetrics batch cost ~70 ms of CPU twice. No estimator
 * reads a list argument (page sizes are scalars); one that does must take this out.
 */
function withoutLists(variables: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(variables ?? {}).map(([k, v]) => [k, Array.isArray(v) ? [] : v]));
}
