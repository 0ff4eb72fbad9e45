import * as Q from '../src/generated/cypher';
import { toNeo4j } from '../src/db/convert';
import { useGraph } from './support/graph';

/**
 * The versions an OpenLineage input read could bind to (load-versions.cypher's `reads`) are found
 * by walking the dataset's timeline index from the event's time, not by reading and sorting every
 * version the dataset has had: a dataset with 3,000 versions costs what one with 3 does. Checked by
 * Neo4j's own count of the work a statement did (PROFILE db hits), which does not depend on the
 * machine's speed; the answers are checked too (newest at or before the time first, else oldest).
 */
const VERSIONS = 3_000;
const HOUR = 3_600_000;
const T0 = Date.parse('2020-01-01T00:00:00Z');

describe('load-versions on a dataset with a long history', () => {
  const graph = useGraph({});

  async function lookUp(at: Date) {
    const params = { keys: { reads: [{ runId: 'no-such-run', namespace: 'history', name: 'hourly', at }], pairs: [], since: [], datasets: [], written: [] }, initialVersion: 'none', depth: 2 };
    const session = graph.db.driver.session();
    try {
      const result = await session.run(`PROFILE ${Q.openlineageLoadVersions.text}`, toNeo4j(params, Q.openlineageLoadVersions.integers) as Record<string, unknown>);
      type Plan = { dbHits: number; children?: Plan[] };
      const hits = (p: Plan): number => p.dbHits + (p.children ?? []).reduce((sum, c) => sum + hits(c), 0);
      const versions = (result.records[0].get('reads') as { versions: { version: string }[] }[])[0].versions.map((v) => v.version);
      return { versions, dbHits: hits(result.summary.profile as unknown as Plan) };
    } finally {
      await session.close();
    }
  }

  it('reads a handful of versions, wherever the time falls in the history', async () => {
    await graph.db.runAutoCommit(
      `CREATE (d:Dataset {id: 'history-d', namespace: 'history', name: 'hourly'}) WITH d
       UNWIND range(1, $n) AS i
       CREATE (:DatasetVersion {id: 'history-v' + i, datasetId: d.id, version: 'v' + i, contentHash: 'h' + i, createdAt: datetime({epochMillis: $t0 + i * $hour})})`,
      { n: VERSIONS, t0: T0, hour: HOUR }, ['n', 't0', 'hour']);
    const middle = await lookUp(new Date(T0 + 1440.5 * HOUR));
    expect(middle.versions).toEqual(['v1440', 'v1439']);
    const before = await lookUp(new Date(T0));
    expect(before.versions).toEqual(['v1', 'v2']);
    const after = await lookUp(new Date(T0 + (VERSIONS + 10) * HOUR));
    expect(after.versions).toEqual([`v${VERSIONS}`, `v${VERSIONS - 1}`]);
    // Sorting every version would take at least one db hit per version (3,000).
    for (const { dbHits } of [middle, before, after]) expect(dbHits).toBeLessThan(100);
  });
});
