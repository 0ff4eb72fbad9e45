import { query } from '../src/db/query';
import { Tx } from '../src/db/db';
import { LineageRepository } from '../src/lineage/lineage.repository';
import { loadFixture } from './fixtures/load';
import { useGraph } from './support/graph';

/**
 * The traversal procedures walk through an in-memory copy of the lineage topology
 * (neo4j/src/main/java/dev/modelgraph/TopologyIndex.java), kept up to date by a transaction event
 * listener. After every kind of change a commit can make (a relationship added, retracted, closed,
 * a node deleted, a time changed or made a non-time, a label removed), the walk through it must
 * equal the walk through the store (modelgraph.topologyCheck: same levels, order and steps) and the
 * procedures' rows the pure-Cypher rows; and a transaction with writes of its own must see them.
 */
type Row = { id: string; distance: number; edges: unknown[]; serving?: unknown[] };
type Status = { ready: boolean; failure: string | null; relationships: number; indexWalks: number };

const sortedJson = (xs: unknown[] | undefined) => (xs ?? []).map((x) => JSON.stringify(x, Object.keys(x as object).sort())).sort();
const normalize = (rows: Row[]) => rows.map((r) => ({ ...r, edges: sortedJson(r.edges), serving: sortedJson(r.serving) }))
  .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id));
const at = (s: string) => new Date(`2026-${s}T00:00:00Z`);
const CASES = [{ asOf: null, knownAt: null }, { asOf: at('01-10'), knownAt: at('03-01') }, { asOf: at('02-03'), knownAt: null }];

describe('the in-memory lineage topology follows every commit', () => {
  const graph = useGraph({ MODELGRAPH_TRAVERSAL: 'procedures' });
  const run = <R>(tx: Tx, text: string, params: Record<string, unknown> = {}) =>
    tx.run(query<Record<string, unknown>, R>('test/topology-index', text, ['depth', 'maxNodes']), params);
  const write = (text: string) => graph.db.write((tx) => run(tx, text));
  const status = async () => (await graph.db.read((tx) => run<Status>(tx, 'CALL modelgraph.topologyIndex() YIELD ready, failure, relationships, indexWalks RETURN *')))[0];
  const checkWalk = (tx: Tx, origin: string, downstream: boolean, c: { asOf: Date | null; knownAt: Date | null }) =>
    run<{ indexed: boolean; same: boolean; reached: number }>(tx, `MATCH (o) WHERE elementId(o) = $origin
      CALL modelgraph.topologyCheck([o], $downstream, coalesce($asOf, datetime()), $asOf, $knownAt, 10, 5000) YIELD indexed, same, reached RETURN *`,
    { origin, downstream, ...c });

  /** From every node, both directions, every case: the index walks as the store does, and the rows equal Cypher's. */
  async function expectSameEverywhere(): Promise<void> {
    const s = await status();
    expect(s).toMatchObject({ ready: true, failure: null });
    const origins = (await graph.db.read((tx) => run<{ e: string }>(tx, 'MATCH (n) WHERE NOT n:SchemaMigration RETURN elementId(n) AS e'))).map((r) => r.e);
    const [cypher, procedures] = [new LineageRepository(graph.db, 'cypher'), new LineageRepository(graph.db, 'procedures')];
    let reached = 0;
    for (const origin of origins) {
      for (const c of CASES) {
        for (const direction of ['downstream', 'upstream'] as const) {
          const [check] = await graph.db.read((tx) => checkWalk(tx, origin, direction === 'downstream', c));
          expect({ origin, direction, c, indexed: check.indexed, same: check.same }).toEqual({ origin, direction, c, indexed: true, same: true });
          reached += check.reached;
          const p = { originElementIds: [origin], ...c, depth: 10, maxNodes: 5000 };
          const [expected, actual] = await Promise.all([cypher, procedures].map((repo) => graph.db.read(async (tx) => normalize(await repo[direction](tx, p) as Row[]))));
          expect({ origin, direction, c, rows: actual }).toEqual({ origin, direction, c, rows: expected });
        }
      }
    }
    expect(reached).toBeGreaterThan(origins.length * CASES.length * 2);
    expect((await status()).indexWalks).toBeGreaterThan(s.indexWalks); // the procedures' walks went through the index
  }

  async function waitUntilReady(): Promise<void> {
    for (let i = 0; i < 600 && !(await status()).ready; i++) await new Promise((r) => setTimeout(r, 100));
  }

  it('equals the store after each change committed once it is built', async () => {
    await waitUntilReady();
    await loadFixture(graph.db, 'impact-graph');
    await expectSameEverywhere();
    const changes = [
      // a relationship added (a run reading a version it did not read before)
      "MATCH (r:Run {id: 'run-train-2'}), (v:DatasetVersion {id: 'dv-orders-1'}) CREATE (r)-[:READ {recordedAt: datetime('2026-02-10T00:00:00Z')}]->(v)",
      // one retracted
      "MATCH (:Run {id: 'run-profile-1'})-[r:READ]->() SET r.retractedAt = datetime('2026-02-15T00:00:00Z')",
      // a SERVES closed
      "MATCH (:Deployment)-[s:SERVES]->(:Ensemble) SET s.to = datetime('2026-02-01T00:00:00Z'), s.toRecordedAt = datetime('2026-02-20T00:00:00Z')",
      // a node deleted, with its relationships
      "MATCH (f:Field {id: 'dv-stats-1.total_amount'}) DETACH DELETE f",
      // a node's createdAt changed, another's removed
      "MATCH (v:DatasetVersion {id: 'dv-stats-2'}) SET v.createdAt = datetime('2026-03-01T00:00:00Z') WITH 1 AS x MATCH (m:ModelVersion) REMOVE m.createdAt",
      // a bound that is not a datetime (never holds), and a label removed (a dataset version no longer one)
      "MATCH (:Deployment)-[s:SERVES]->(:ModelVersion) SET s.from = 'not a time' WITH 1 AS x MATCH (v:DatasetVersion {id: 'dv-orders-2'}) REMOVE v:DatasetVersion",
    ];
    for (const change of changes) {
      await write(change);
      await expectSameEverywhere();
    }
  }, 600_000);

  it('lets a transaction with writes of its own walk through the store, which shows them', async () => {
    await waitUntilReady();
    await loadFixture(graph.db, 'impact-graph');
    const [origin] = (await graph.db.read((tx) => run<{ e: string }>(tx, "MATCH (v:DatasetVersion {id: 'dv-orders-2'}) RETURN elementId(v) AS e"))).map((r) => r.e);
    const reachedFrom = (tx: Tx) => checkWalk(tx, origin, true, { asOf: null, knownAt: null });
    const [before] = await graph.db.read(reachedFrom);
    expect(before).toMatchObject({ indexed: true, same: true });
    const [inside] = await graph.db.write(async (tx) => {
      await run(tx, "MATCH (r:Run {id: 'run-profile-1'}), (v:DatasetVersion {id: 'dv-orders-2'}) CREATE (r)-[:READ]->(v)");
      const rows = await new LineageRepository(graph.db, 'procedures').downstream(tx, { originElementIds: [origin], asOf: null, knownAt: null, depth: 10, maxNodes: 5000 });
      expect(rows.map((r) => r.id)).toContain('run-profile-1');
      return reachedFrom(tx);
    });
    expect(inside.indexed).toBe(false);
    expect(inside.reached).toBeGreaterThan(before.reached);
    const [after] = await graph.db.read(reachedFrom); // committed: the index has it too
    expect(after).toEqual({ ...inside, indexed: true, same: true });
  }, 120_000);
});
