import { generateGraph } from '../bench/generate';
import { Scale } from '../bench/scales';
import { query } from '../src/db/query';
import { LineageRepository } from '../src/lineage/lineage.repository';
import { displayLabel, NodeType, nodeTypeOfLabel } from '../src/graph/node-types';
import { loadFixture } from './fixtures/load';
import { useGraph } from './support/graph';

/**
 * The traversal procedures (neo4j/src/main/java/dev/modelgraph/LineageProcedures.java) replace the
 * breadth-first search of cypher/lineage/{downstream,upstream}.cypher for speed; the pure-Cypher
 * statements stay for a Neo4j without the plugin. Both must give the same rows: compared here from
 * every node of the hand-built graph and from a sample of a generated lineage graph, at several
 * depths, times and node limits.
 */
type Row = { id: string; nodeLabel: string; display: string | null; distance: number; edges: unknown[]; serving?: unknown[]; props?: unknown };
type Params = { originElementIds: string[]; asOf: Date | null; knownAt: Date | null; depth: number; maxNodes: number };

const TINY: Scale = {
  name: 'tiny', layers: [3, 4, 3, 2, 2], versionsPerDataset: 3, fieldsPerVersion: [3, 5], features: 12, models: 3, versionsPerModel: 4,
  ensembles: 2, heapMb: 0, pageCacheMb: 0, reps: 0, warmup: 0, olRuns: 0, metricPoints: 0, batch: 1000,
};

const sortedJson = (xs: unknown[] | undefined) => (xs ?? []).map((x) => JSON.stringify(x, Object.keys(x as object).sort())).sort();
const normalize = (rows: Row[]) => rows.map((r) => ({ ...r, edges: sortedJson(r.edges), serving: sortedJson(r.serving) }))
  .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id));

describe('traversal engines: procedures and pure Cypher give the same rows', () => {
  const graph = useGraph();

  // Through the repository, as the services read them (the procedure's downstream rows arrive as JSON).
  const engines = () => ({ cypher: new LineageRepository(graph.db, 'cypher'), procedures: new LineageRepository(graph.db, 'procedures') });
  const rows = (repo: LineageRepository, direction: 'downstream' | 'upstream', p: Params) =>
    graph.db.read(async (tx) => (await repo[direction](tx, p)) as Row[]);

  /** `origins`: each an origin of its own, or lists of origins started together. */
  async function compare(origins: (string | string[])[], cases: (Omit<Params, 'originElementIds' | 'knownAt'> & { knownAt?: Date | null })[]): Promise<number> {
    let compared = 0;
    const { cypher, procedures } = engines();
    for (const origin of origins) {
      for (const c of cases) {
        for (const direction of ['downstream', 'upstream'] as const) {
          const p = { knownAt: null, ...c, originElementIds: typeof origin === 'string' ? [origin] : origin };
          const [expected, actual] = [normalize(await rows(cypher, direction, p)), normalize(await rows(procedures, direction, p))];
          if (expected.length > c.maxNodes + p.originElementIds.length) {
            // Truncated: which nodes the cut level keeps is unspecified; the levels before it are complete.
            const cut = expected[expected.length - 1].distance;
            expect(actual.map((r) => r.distance)).toEqual(expected.map((r) => r.distance));
            expect(actual.filter((r) => r.distance < cut)).toEqual(expected.filter((r) => r.distance < cut));
          } else {
            expect({ direction, origin: p, rows: actual }).toEqual({ direction, origin: p, rows: expected });
          }
          compared += expected.length;
        }
      }
    }
    return compared;
  }

  const elementIds = async (cypher: string) =>
    (await graph.db.read((tx) => tx.run(query<Record<string, never>, { e: string }>('test/origins', cypher), {}))).map((r) => r.e);

  it('from every node of the hand-built graph, now and as of earlier times, at every depth', async () => {
    await loadFixture(graph.db, 'impact-graph');
    const origins = await elementIds('MATCH (n) WHERE NOT n:SchemaMigration RETURN elementId(n) AS e');
    const cases = [{ asOf: null, depth: 10 }, { asOf: null, depth: 1 }, { asOf: new Date('2026-01-02T06:00:00Z'), depth: 10 }, { asOf: new Date('2026-01-06T12:00:00Z'), depth: 2 }]
      .map((c) => ({ ...c, maxNodes: 5000 }));
    expect(await compare(origins, cases)).toBeGreaterThan(origins.length * cases.length * 2);
    expect(await compare(origins, [{ asOf: null, depth: 10, maxNodes: 3 }])).toBeGreaterThan(0);
  }, 300_000);

  it('with knownAt and several origins at once, on a history with both clocks (recordedAt, retractedAt, toRecordedAt)', async () => {
    await loadFixture(graph.db, 'lake-events');
    const origins = await elementIds('MATCH (n) WHERE NOT n:SchemaMigration RETURN elementId(n) AS e');
    const groups = [
      await elementIds("MATCH (f:Field {name: 'amount'}) RETURN elementId(f) AS e"),
      await elementIds("MATCH (n) WHERE n.id IN ['dv-events-1', 'mv-churn-7', 'job-ingest', 'dep-churn-old'] RETURN elementId(n) AS e"),
    ];
    const at = (s: string) => new Date(`2026-${s}T00:00:00Z`);
    const cases = [
      { asOf: null, knownAt: null, depth: 10 }, { asOf: null, knownAt: at('03-03'), depth: 10 }, { asOf: null, knownAt: at('03-12'), depth: 10 },
      { asOf: at('02-01'), knownAt: at('03-12'), depth: 10 }, { asOf: at('02-01'), knownAt: null, depth: 2 }, { asOf: null, knownAt: at('01-01'), depth: 10 },
    ].map((c) => ({ ...c, maxNodes: 5000 }));
    expect(await compare([...origins, ...groups], cases)).toBeGreaterThan(origins.length * cases.length * 2);
    expect(await compare(groups, [{ asOf: null, depth: 10, maxNodes: 2 }])).toBeGreaterThan(0);
  }, 300_000);

  it("computes every display label in the registry's format (src/graph/node-types.ts), in both engines", async () => {
    await loadFixture(graph.db, 'impact-graph');
    // Each node with the parts its label is made of: its own, and its dataset's, model's or job's.
    const nodes = await graph.db.read((tx) => tx.run(query<Record<string, never>, Record<string, string | null>>('test/display-parts', `
      MATCH (n) WHERE NOT n:SchemaMigration
      OPTIONAL MATCH (n)<-[:HAS_FIELD]-(fieldVersion:DatasetVersion)
      WITH n, coalesce(fieldVersion, n) AS v
      OPTIONAL MATCH (v)-[:VERSION_OF|RUN_OF]->(owner)
      RETURN elementId(n) AS e, labels(n)[0] AS label, n.namespace AS namespace, n.name AS name, n.version AS version,
        v.version AS ownVersion, owner.namespace AS ownerNamespace, owner.name AS ownerName, n.runId AS runId`), {}));
    const parts = (n: Record<string, string | null>) => {
      switch (nodeTypeOfLabel(n.label!)) {
        case NodeType.DATASET_VERSION: return { namespace: n.ownerNamespace, name: n.ownerName, version: n.version };
        case NodeType.FIELD: return { namespace: n.ownerNamespace, name: n.ownerName, version: n.ownVersion, field: n.name };
        case NodeType.MODEL_VERSION: return { model: n.ownerName, version: n.version };
        case NodeType.RUN: return { jobNamespace: n.ownerNamespace, jobName: n.ownerName, runId: n.runId };
        default: return { namespace: n.namespace, name: n.name };
      }
    };
    expect(new Set(nodes.map((n) => n.label)).size).toBe(Object.keys(NodeType).length);
    const { cypher, procedures } = engines();
    for (const n of nodes) {
      const expected = displayLabel(nodeTypeOfLabel(n.label!)!, parts(n));
      expect(expected).toEqual(expect.any(String));
      for (const [engine, repo] of [['cypher', cypher], ['procedures', procedures]] as const) {
        for (const direction of ['downstream', 'upstream'] as const) {
          const [origin] = await rows(repo, direction, { originElementIds: [n.e!], asOf: null, knownAt: null, depth: 1, maxNodes: 5000 });
          expect({ engine, direction, display: origin.display }).toEqual({ engine, direction, display: expected });
        }
      }
    }
  }, 120_000);

  it('on a generated lineage graph, from a sample of every kind of node, with and without truncation', async () => {
    await generateGraph(graph.db.driver, TINY, () => undefined);
    const origins = await elementIds(`
      UNWIND ['Dataset', 'DatasetVersion', 'Field', 'Feature', 'Job', 'Run', 'ModelVersion', 'Ensemble', 'Deployment'] AS label
      CALL (label) { MATCH (n) WHERE label IN labels(n) RETURN n ORDER BY n.id LIMIT 3 }
      RETURN elementId(n) AS e`);
    expect(origins.length).toBeGreaterThan(20);
    const compared = await compare(origins, [{ asOf: null, depth: 10, maxNodes: 5000 }, { asOf: null, depth: 3, maxNodes: 40 }]);
    expect(compared).toBeGreaterThan(500);
  }, 300_000);

  it('walked through the in-memory lineage topology (TopologyIndex) in the comparisons above', async () => {
    type Status = { ready: boolean; failure: string | null; indexWalks: number; storeWalks: number };
    const status = async () => (await graph.db.read((tx) => tx.run(query<Record<string, never>, Status>(
      'test/topology-index-status', 'CALL modelgraph.topologyIndex() YIELD ready, failure, indexWalks, storeWalks RETURN *'), {})))[0];
    const before = await status();
    expect(before).toMatchObject({ ready: true, failure: null });
    // The index is built in the background, so the first comparisons may have walked the store; once
    // it is ready, a read transaction's walk goes through it.
    expect(before.indexWalks).toBeGreaterThan(100);
    const [origin] = await elementIds('MATCH (n:DatasetVersion) RETURN elementId(n) AS e ORDER BY n.id LIMIT 1');
    await rows(engines().procedures, 'downstream', { originElementIds: [origin], asOf: null, knownAt: null, depth: 10, maxNodes: 100 });
    const after = await status();
    expect(after.indexWalks - before.indexWalks).toBe(1);
    expect(after.storeWalks).toBe(before.storeWalks);
  });
});

// With the procedures, one statement resolves the origin and answers in the store (modelgraph.impact).
const IN_STORE = ['lineage/impact-procedure'];
describe.each([['cypher', ['graph/resolve-refs', 'lineage/downstream']], ['procedures', IN_STORE], ['auto', IN_STORE]])(
  'MODELGRAPH_TRAVERSAL=%s', (engine, statements) => {
    const graph = useGraph({ MODELGRAPH_TRAVERSAL: engine });

    it(`answers impact with ${statements.join(' + ')}`, async () => {
      await loadFixture(graph.db, 'impact-graph');
      const sent: string[] = [];
      const observe = graph.db.statementObserver;
      graph.db.statementObserver = (name, seconds, ok) => { sent.push(name); observe?.(name, seconds, ok); };
      try {
        const { impact } = await graph.ok(`query($of: NodeRef!) { impact(of: $of) { summary { total } } }`,
          { of: { type: 'DATASET_VERSION', namespace: 'warehouse', name: 'orders', version: 'v1' } });
        expect(impact.summary.total).toBeGreaterThan(10);
        // The first traversal of a process also asks once whether the procedures are installed.
        expect(sent.filter((name) => name !== 'lineage/procedures-installed')).toEqual(statements);
      } finally {
        graph.db.statementObserver = observe;
      }
    });
  });
