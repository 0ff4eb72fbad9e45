import { useGraph } from './support/graph';

/**
 * Impact paths say what each hop does to the data: a column-lineage step (OpenLineage columnLineage,
 * stored on the field-to-field DERIVED_FROM) carries its transformations, every other step none.
 * The same from both traversal engines.
 */
const F = { _producer: 'https://example.com/test', _schemaURL: 'https://openlineage.io/spec/facets/1-0-0/X.json' };
const schema = (...names: string[]) => ({ schema: { ...F, fields: names.map((name) => ({ name, type: 'STRING' })) } });
const ev = (runId: string, job: string, inputs: unknown[], outputs: unknown[]) => ({
  eventType: 'COMPLETE', eventTime: '2020-09-02T10:05:00Z', producer: 'https://example.com/test', run: { runId }, job: { namespace: 'shop', name: job }, inputs, outputs,
});
/** Job A writes orders(id, amount); job B reads it and writes totals(id, total = sum(amount)). */
const EVENTS = [
  ev('aaaaaaaa-0000-4000-8000-000000000001', 'A', [], [{ namespace: 'shop', name: 'orders', facets: schema('id', 'amount') }]),
  ev('bbbbbbbb-0000-4000-8000-000000000002', 'B', [{ namespace: 'shop', name: 'orders' }], [{
    namespace: 'shop', name: 'totals', facets: { ...schema('id', 'total'), columnLineage: { ...F, fields: {
      total: { inputFields: [{ namespace: 'shop', name: 'orders', field: 'amount', transformations: [{ type: 'DIRECT', subtype: 'AGGREGATION', description: 'sum' }] }] },
    } } },
  }]),
];

const IMPACT = `query($of: NodeRef!) { impact(of: $of, page: { first: 100 }) {
  items { nodes { node { type label } paths { nodes { label } relationships steps { type transformations { type subtype description masking } } } } } } }`;

describe.each(['cypher', 'procedures'])('impact paths carry column-lineage transformations (MODELGRAPH_TRAVERSAL=%s)', (engine) => {
  const graph = useGraph({ MODELGRAPH_TRAVERSAL: engine });

  beforeEach(async () => {
    const res = await fetch(`${graph.url}/api/v1/lineage/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(EVENTS) });
    expect(await res.json()).toMatchObject({ rejected: 0 });
  });

  it("shows the aggregation on the step from the input field to the output field, and none on other steps", async () => {
    const { impact } = await graph.ok(IMPACT, { of: { type: 'FIELD', namespace: 'shop', name: 'orders', field: 'amount' } });
    const total = impact.items.nodes.find((i: { node: { type: string; label: string } }) => i.node.type === 'FIELD' && i.node.label.endsWith('.total'));
    expect(total).toBeDefined();
    expect(total.paths).toEqual([{
      nodes: [{ label: expect.stringMatching(/^shop\/orders@.*\.amount$/) }, { label: expect.stringMatching(/^shop\/totals@.*\.total$/) }],
      relationships: ['DERIVED_FROM'],
      steps: [{ type: 'DERIVED_FROM', transformations: [{ type: 'DIRECT', subtype: 'AGGREGATION', description: 'sum', masking: null }] }],
    }]);

    // A dataset origin: its VERSION_OF and HAS_FIELD steps carry no transformations, the column step its own.
    const fromDataset = await graph.ok(IMPACT, { of: { type: 'DATASET', namespace: 'shop', name: 'orders' } });
    const viaDataset = fromDataset.impact.items.nodes.find((i: { node: { label: string } }) => i.node.label.endsWith('.total'));
    const path = viaDataset.paths.find((p: { relationships: string[] }) => p.relationships.join() === 'VERSION_OF,HAS_FIELD,DERIVED_FROM');
    expect(path.steps.map((s: { transformations: { subtype: string }[] }) => s.transformations.map((t) => t.subtype)))
      .toEqual([[], [], ['AGGREGATION']]);
  });
});
