import 'reflect-metadata';
import { GraphQLSchema, OperationDefinitionNode, parse } from 'graphql';
import { buildAppSchema } from '../src/app/schema';
import { checkOperationLimits } from '../src/app/query-limits';
import { IMPACT, IMPACT_TABLE } from '../src/cli/queries';
import { loadConfig } from '../src/config';

// The estimated cost of operations (src/app/query-limits.ts), with the default limits: what a page
// multiplies, and that the limit still refuses an operation asking for everything.
const config = loadConfig({});
const limits = { ...config.limits, maxPageSize: config.maxPageSize };
const OF = { of: { type: 'DATASET', namespace: 'lake', name: 'events' } };
let schema: GraphQLSchema;
beforeAll(async () => { schema = await buildAppSchema(); });

/** The operation's estimated cost, read from the refusal under a limit of 0. */
function cost(query: string, variables: Record<string, unknown> = OF): number {
  const doc = parse(query);
  try {
    checkOperationLimits(schema, doc, doc.definitions[0] as OperationDefinitionNode, variables, { ...limits, maxComplexity: 0 });
  } catch (e) {
    return Number((e as { extensions: { actual: number } }).extensions.actual);
  }
  throw new Error('not estimated');
}

const impact = (first: number, itemFields: string, rest = '') =>
  `query($of: NodeRef!) { impact(of: $of, page: { first: ${first} }) { ${rest} items { nodes { ${itemFields} } pageInfo { hasNextPage endCursor } } } }`;
const SUMMARY = 'origin { id type label } origins { id type label } asOf knownAt depth truncated summary { total byType { type count } servedDeployments { id name environment via } }';
const EVERYTHING = `node { id type label } distance truncated served serving { deploymentId deployment environment trafficShare direct ensemble weight }
  paths { nodes { id type label } relationships steps { type transformations { type subtype description masking } } }`;

describe('the estimated cost of impact', () => {
  it("multiplies only the items' selection by the page size: origins and summary come once per answer", () => {
    const once = cost(impact(500, 'distance', SUMMARY)) - cost(impact(500, 'distance'));
    expect(once).toBe(cost(impact(1, 'distance', SUMMARY)) - cost(impact(1, 'distance')));
    expect(cost(impact(500, 'distance')) - cost(impact(250, 'distance'))).toBe(250 * (cost(impact(2, 'distance')) - cost(impact(1, 'distance'))));
  });

  it('counts each path as the default ten paths per node', () => {
    const perItem = (fields: string) => cost(impact(2, fields)) - cost(impact(1, fields));
    expect(perItem('paths { relationships }') - perItem('distance')).toBe(10);
    expect(perItem('paths { relationships nodes { id } }') - perItem('paths { relationships }')).toBe(20);
  });

  it("multiplies everything when a named fragment hides which part is the page's", () => {
    const selection = `${SUMMARY} items { nodes { distance } }`;
    const spread = `query($of: NodeRef!) { impact(of: $of, page: { first: 500 }) { ...A } } fragment A on ImpactResult { ${selection} }`;
    const inline = (first: number) => `query($of: NodeRef!) { impact(of: $of, page: { first: ${first} }) { ${selection} } }`;
    expect(cost(spread)).toBe(1 + 500 * (cost(inline(1)) - 1));
    expect(cost(inline(500))).toBeLessThan(cost(spread) / 10);
  });

  it("lets the CLI's impact operations through at their page sizes, and refuses everything at the page limit", () => {
    expect(cost(IMPACT)).toBeLessThanOrEqual(limits.maxComplexity);
    expect(cost(IMPACT_TABLE)).toBeLessThanOrEqual(limits.maxComplexity);
    expect(IMPACT_TABLE).toContain(`first: ${config.maxPageSize}`);
    const all = parse(impact(500, EVERYTHING, SUMMARY));
    expect(() => checkOperationLimits(schema, all, all.definitions[0] as OperationDefinitionNode, OF, limits))
      .toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'complexity' }) }));
  });
});
