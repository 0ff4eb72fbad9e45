import { Db } from '../src/db/db';
import { migrate } from '../src/db/migrate';
import { query } from '../src/db/query';

// NEO4J_URI may be a routing URI (neo4j://, as for clusters and Aura): the driver then asks the
// server for a routing table first. The test instance answers it like a single-member cluster.
describe('a neo4j:// routing URI', () => {
  it('connects, migrates and runs reads and writes', async () => {
    const bolt = process.env.MODELGRAPH_TEST_NEO4J_URI!;
    const db = Db.connect(bolt.replace(/^bolt:/, 'neo4j:'), process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? '', process.env.NEO4J_DATABASE);
    try {
      await db.ping();
      await migrate(db);
      const rows = await db.write(async (tx) => tx.run(query('test/routing', 'RETURN 40 + 2 AS answer'), {}));
      expect(rows).toEqual([{ answer: 42 }]);
    } finally {
      await db.close();
    }
  });
});
