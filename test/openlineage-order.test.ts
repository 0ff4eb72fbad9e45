import fs from 'node:fs';
import path from 'node:path';
import { useGraph } from './support/graph';

/**
 * OpenLineage events may arrive in any order: the graph they leave (read as it is now: withdrawn
 * READs and column edges aside) depends on the events, not on their arrival. Compared by natural
 * keys, without ids and transaction times.
 */
const TEMPLATE = path.resolve(__dirname, 'fixtures/openlineage/marquez/food_delivery.template.json');
const T = Date.parse('2026-02-01T08:00:00Z');
const foodDelivery: any[] = JSON.parse(fs.readFileSync(TEMPLATE, 'utf8')
  .replace(/\{\{RUN_START_TIME\}\}/g, new Date(T).toISOString())
  .replace(/\{\{RUN_END_TIME_AFTER_(\d+)_MINUTES\}\}/g, (_m, n) => new Date(T + Number(n) * 60_000).toISOString()));

const F = { _producer: 'https://example.com/test', _schemaURL: 'https://openlineage.io/spec/facets/1-0-0/X.json' };
const schema = (...names: string[]) => ({ schema: { ...F, fields: names.map((name) => ({ name, type: 'STRING' })) } });
/** Marquez's `apples` shape: A writes X, B reads X and writes Y, C reads Y; in 2020. */
function apples(): any[] {
  const ev = (runId: string, job: string, eventType: string, time: string, inputs: any[], outputs: any[]) => ({
    eventType, eventTime: time, producer: 'https://example.com/test', run: { runId }, job: { namespace: 'apples', name: job }, inputs, outputs,
  });
  const X = { namespace: 'apples', name: 'X', facets: schema('id', 'amount') };
  const Y = { namespace: 'apples', name: 'Y', facets: { ...schema('id', 'total'), columnLineage: { ...F, fields: {
    total: { inputFields: [{ namespace: 'apples', name: 'X', field: 'amount', transformations: [{ type: 'DIRECT', subtype: 'AGGREGATION', description: 'sum' }] }] },
  } } } };
  const a = 'aaaaaaaa-0000-4000-8000-000000000001';
  const b = 'bbbbbbbb-0000-4000-8000-000000000002';
  const c = 'cccccccc-0000-4000-8000-000000000003';
  return [
    ev(a, 'A', 'START', '2020-09-01T10:00:00Z', [], [X]),
    ev(a, 'A', 'COMPLETE', '2020-09-01T10:05:00Z', [], [X]),
    ev(b, 'B', 'START', '2020-09-02T10:00:00Z', [{ namespace: 'apples', name: 'X' }], [Y]),
    ev(b, 'B', 'COMPLETE', '2020-09-02T10:05:00Z', [{ namespace: 'apples', name: 'X' }], [Y]),
    ev(c, 'C', 'START', '2020-09-03T10:00:00Z', [{ namespace: 'apples', name: 'Y' }], []),
    ev(c, 'C', 'COMPLETE', '2020-09-03T10:05:00Z', [{ namespace: 'apples', name: 'Y' }], []),
  ];
}

/** A seeded shuffle (mulberry32), so a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let s = seed;
  const random = () => { s = (s + 0x6d2b79f5) | 0; let t = Math.imul(s ^ (s >>> 15), 1 | s); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [out[i], out[j]] = [out[j], out[i]]; }
  return out;
}
const byTime = (events: any[]) => [...events].sort((x, y) => Date.parse(x.eventTime) - Date.parse(y.eventTime));

describe('OpenLineage: the same events in any order give the same graph', () => {
  const graph = useGraph();
  const post = async (events: any[], batch: boolean) => {
    if (batch) {
      const res = await fetch(`${graph.url}/api/v1/lineage/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(events) });
      expect(await res.json()).toMatchObject({ rejected: 0 });
    } else {
      for (const e of events) {
        const res = await fetch(`${graph.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(e) });
        if (res.status !== 201) expect({ status: res.status, body: await res.text() }).toEqual({ status: 201 });
      }
    }
  };
  /**
   * The graph as it stands, by natural keys: nodes (without ids, recordedAt, updatedAt), and the
   * relationships in force between them. A placeholder version no READ in force points to any
   * more (its reader was re-bound to a late writer's version) is history, not part of it, nor are
   * its fields and their relationships.
   */
  const unread = (v: string) => `${v}.contentHash IS NULL AND NOT EXISTS { ()-[x:READ]->(${v}) WHERE x.retractedAt IS NULL }`;
  /** Not such a withdrawn placeholder version, nor one of its fields (nor, so, their relationships). */
  const inForce = (n: string) => `NOT (${n}:DatasetVersion AND ${unread(n)})
        AND NOT (${n}:Field AND EXISTS { (pv:DatasetVersion)-[:HAS_FIELD]->(${n}) WHERE ${unread('pv')} })`;
  const snapshot = async () => {
    const rows = await graph.db.runAutoCommit(`
      MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:LineageEvent AND ${inForce('n')}
      OPTIONAL MATCH (v:DatasetVersion)-[:HAS_FIELD]->(n)
      OPTIONAL MATCH (n)-[:VERSION_OF]->(d:Dataset)
      OPTIONAL MATCH (v)-[:VERSION_OF]->(vd:Dataset)
      WITH n, CASE
        WHEN n:Job OR n:Dataset THEN n.namespace + '/' + n.name
        WHEN n:Run THEN 'run:' + n.runId
        WHEN n:DatasetVersion THEN d.namespace + '/' + d.name + '@' + n.version
        WHEN n:Field THEN vd.namespace + '/' + vd.name + '@' + v.version + '.' + n.name
        ELSE elementId(n) END AS key
      RETURN key, labels(n) AS labels, properties(n) AS props`);
    const nodes = rows.map((r: any) => {
      const props = Object.fromEntries(Object.entries(r.props).filter(([k]) => !['id', 'datasetId', 'datasetVersionId', 'jobId', 'recordedAt', 'updatedAt'].includes(k))
        .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]).sort(([a], [b]) => String(a).localeCompare(String(b))));
      return `${r.labels.join(':')} ${r.key} ${JSON.stringify(props)}`;
    }).sort();
    const rels = await graph.db.runAutoCommit(`
      MATCH (a)-[r]->(b) WHERE r.retractedAt IS NULL AND ${inForce('a')} AND ${inForce('b')}
      OPTIONAL MATCH (av:DatasetVersion)-[:HAS_FIELD]->(a) OPTIONAL MATCH (av)-[:VERSION_OF]->(ad:Dataset) OPTIONAL MATCH (a)-[:VERSION_OF]->(ad2:Dataset)
      OPTIONAL MATCH (bv:DatasetVersion)-[:HAS_FIELD]->(b) OPTIONAL MATCH (bv)-[:VERSION_OF]->(bd:Dataset) OPTIONAL MATCH (b)-[:VERSION_OF]->(bd2:Dataset)
      RETURN type(r) AS t, [k IN keys(r) WHERE NOT k IN ['recordedAt'] | [k, r[k]]] AS props,
        coalesce(a.runId, ad.name + '@' + av.version + '.' + a.name, ad2.name + '@' + a.version, a.namespace + '/' + a.name) AS a,
        coalesce(b.runId, bd.name + '@' + bv.version + '.' + b.name, bd2.name + '@' + b.version, b.namespace + '/' + b.name) AS b`);
    const relRows = rels.map((r: any) => `${r.a} -${r.t}-> ${r.b} ${JSON.stringify(r.props.map(([k, v]: [string, unknown]) =>
      [k, Array.isArray(v) ? v.map((x) => (x instanceof Date ? x.toISOString() : x)) : v instanceof Date ? v.toISOString() : v]).sort())}`).sort();
    return { nodes, rels: relRows };
  };
  const wipe = () => graph.db.runAutoCommit('MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n');

  const fixtures: [string, () => any[]][] = [['apples', apples], ['food_delivery', () => foodDelivery]];
  it.each(fixtures)('%s: in eventTime order, reversed and shuffled, one by one and as a batch', async (_name, events) => {
    const inOrder = byTime(events());
    await post(inOrder, true);
    const expected = await snapshot();
    const orders: [string, any[], boolean][] = [
      ['in order, one by one', inOrder, false],
      ['reversed, one by one', [...inOrder].reverse(), false],
      ['reversed, batch', [...inOrder].reverse(), true],
      ['shuffled (seed 7), one by one', shuffled(inOrder, 7), false],
      ['shuffled (seed 42), batch', shuffled(inOrder, 42), true],
    ];
    for (const [label, events, batch] of orders) {
      await wipe();
      await post(events, batch);
      expect({ label, ...(await snapshot()) }).toEqual({ label, ...expected });
    }
  }, 300_000);

  it('binds a reader to the version current at its time, however late the writers arrive', async () => {
    const [aStart, aComplete, bStart, bComplete, cStart, cComplete] = apples();
    // A second run of A writes X again after B ran; it arrives first, then B, then A's first run.
    const later = { ...aComplete, eventTime: '2020-09-05T10:00:00Z', run: { runId: 'aaaaaaaa-0000-4000-8000-000000000009' } };
    const laterStart = { ...aStart, eventTime: '2020-09-05T09:00:00Z', run: later.run };
    await post([laterStart, later, bStart, bComplete, cStart, cComplete], false);
    const readBefore = await graph.db.runAutoCommit(`MATCH (:Run {runId: $b})-[r:READ WHERE r.retractedAt IS NULL]->(v) RETURN v.version AS v`, { b: bStart.run.runId });
    expect(readBefore).toEqual([{ v: 'run:aaaaaaaa-0000-4000-8000-000000000009' }]); // the only version known: the oldest
    await post([aStart, aComplete], false);
    const reads = await graph.db.runAutoCommit(`MATCH (:Run {runId: $b})-[r:READ]->(v) RETURN v.version AS v, r.retractedAt IS NOT NULL AS retracted, r.recordedAt IS NOT NULL AS recorded ORDER BY retracted`, { b: bStart.run.runId });
    expect(reads).toEqual([
      { v: `run:${aStart.run.runId}`, retracted: false, recorded: true },
      { v: 'run:aaaaaaaa-0000-4000-8000-000000000009', retracted: true, recorded: true },
    ]);
    // Column lineage followed: Y.total derives from the amount of the version B now reads.
    const edges = await graph.db.runAutoCommit(`MATCH (:Field {name: 'total'})-[d:DERIVED_FROM WHERE d.retractedAt IS NULL]->(f:Field)<-[:HAS_FIELD]-(v) RETURN v.version AS v, f.name AS f, d.transformations AS t`);
    expect(edges).toEqual([{ v: `run:${aStart.run.runId}`, f: 'amount', t: JSON.stringify([{ type: 'DIRECT', subtype: 'AGGREGATION', description: 'sum', masking: null }]) }]);
    const { datasetByName } = await graph.ok(`{ datasetByName(namespace: "apples", name: "Y") { currentVersion { fields {
      name derivedFrom { field { name } transformation transformations { type subtype description masking } } } } } }`);
    expect(datasetByName.currentVersion.fields.find((f: any) => f.name === 'total').derivedFrom).toEqual([{
      field: { name: 'amount' }, transformation: 'DIRECT/AGGREGATION', transformations: [{ type: 'DIRECT', subtype: 'AGGREGATION', description: 'sum', masking: null }],
    }]);
  }, 120_000);

  it("keeps a JobEvent as the job's declared lineage and a DatasetEvent's schema as a version", async () => {
    const job = (time: string, inputs: string[]) => ({ eventTime: time, producer: 'p', job: { namespace: 'apples', name: 'J' },
      inputs: inputs.map((name) => ({ namespace: 'apples', name })), outputs: [{ namespace: 'apples', name: 'Z' }] });
    await post([job('2020-09-02T00:00:00Z', ['Y']), job('2020-09-01T00:00:00Z', ['X'])], false); // the later declaration wins
    const declared = await graph.db.runAutoCommit(`MATCH (:Job {name: 'J'})-[r]->(d:Dataset) WHERE r.retractedAt IS NULL RETURN type(r) AS t, d.name AS d ORDER BY t`);
    expect(declared).toEqual([{ t: 'DECLARES_INPUT', d: 'Y' }, { t: 'DECLARES_OUTPUT', d: 'Z' }]);
    await post([{ eventTime: '2020-09-03T00:00:00Z', producer: 'p', dataset: { namespace: 'apples', name: 'Z', facets: schema('id', 'n') } }], false);
    const { datasetByName } = await graph.ok('{ datasetByName(namespace: "apples", name: "Z") { versions { version createdAt fields { name } } } }');
    expect(datasetByName.versions).toEqual([{ version: expect.stringMatching(/^schema:/), createdAt: '2020-09-03T00:00:00.000Z', fields: [{ name: 'id' }, { name: 'n' }] }]);
  });

  it('answers impact as of 2020 from the 2020 events (world time, not ingestion time)', async () => {
    await post(byTime(apples()), true);
    const { impact } = await graph.ok(`{ impact(of: { type: DATASET_VERSION, namespace: "apples", name: "X", version: "run:aaaaaaaa-0000-4000-8000-000000000001" },
      asOf: "2020-10-01T00:00:00Z", page: { first: 100 }) { items { nodes { node { type label } } } } }`);
    const labels = impact.items.nodes.map((i: any) => i.node.label);
    expect(labels).toEqual(expect.arrayContaining([expect.stringContaining('Y'), expect.stringContaining('C')]));
  }, 120_000);

  it('treats run ids as UUIDs: upper and lower case name one run', async () => {
    const [aStart, aComplete] = apples();
    await post([{ ...aStart, run: { runId: aStart.run.runId.toUpperCase() } }, aComplete], true);
    expect(await graph.db.runAutoCommit('MATCH (r:Run) RETURN r.runId AS id, r.state AS state')).toEqual([{ id: aStart.run.runId, state: 'COMPLETE' }]);
  });

  it('refuses a date that is not on the calendar with 400 and says why', async () => {
    const [aStart] = apples();
    const res = await fetch(`${graph.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...aStart, eventTime: '2026-02-30T10:00:00Z' }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).reasons).toEqual([expect.stringContaining("'2026-02-30T10:00:00Z' is not a date-time")]);
    expect(await graph.countNodes()).toBe(0);
  });

  it('keeps the facets of the later eventTime, not of the later arrival', async () => {
    const [aStart, aComplete] = apples();
    const doc = (description: string) => ({ documentation: { ...F, description } });
    const early = { ...aStart, job: { ...aStart.job, facets: doc('old') } };
    const late = { ...aComplete, job: { ...aComplete.job, facets: doc('new') } };
    await post([late, early], false);
    expect(await graph.db.runAutoCommit("MATCH (j:Job {name: 'A'}) RETURN j.description AS d, j.createdAt AS at")).toEqual([{ d: 'new', at: new Date(aStart.eventTime) }]);
  });
});
