import { AddressInfo } from 'node:net';
import { createApp } from '../src/app/server';
import { loadConfig } from '../src/config';
import { WarmUp, warmUpStatements } from '../src/db/warm-up';
import { allStatements } from '../src/db/warm-up.repository';
import { useGraph } from './support/graph';

const MODELS = '{ models { nodes { id name versions { version } } } }';
/** A whole warm-up compiles some 150 statements: a minute or more on a loaded machine. */
const WHOLE_WARM_UP_MS = 300_000;

describe('the start-up warm-up of Cypher statements', () => {
  const graph = useGraph();

  async function seed() {
    await graph.ok(`mutation { registerModelVersion(input: { model: "fraud", version: "1" }) { id } }`);
  }

  it('compiles every statement of cypher/ with parameters of its declared types, and changes nothing', async () => {
    await seed();
    const before = await graph.db.runAutoCommit('MATCH (n) RETURN count(n) AS n, collect(properties(n)) AS props');
    const result = await warmUpStatements(graph.db.driver, graph.db.database, allStatements());
    expect(result.failed).toEqual([]);
    expect(result.statements).toBe(allStatements().length);
    expect(await graph.db.runAutoCommit('MATCH (n) RETURN count(n) AS n, collect(properties(n)) AS props')).toEqual(before);
  }, WHOLE_WARM_UP_MS);

  it('sends nothing in a request\'s name: a request during the warm-up counts only its own statements', async () => {
    await seed();
    const alone = await graph.gql(MODELS);
    const warmUp = warmUpStatements(graph.db.driver, graph.db.database, allStatements());
    const during = await graph.gql(MODELS);
    await warmUp;
    expect(during.data).toEqual(alone.data);
    expect(during.statements).toBe(alone.statements);
  }, WHOLE_WARM_UP_MS);

  it('keeps /readyz unavailable until the warm-up is done, then ready', async () => {
    const config = loadConfig({ ...process.env, MODELGRAPH_AUDIT: 'off' });
    const warmUp = { settled: false };
    const app = await createApp(graph.db, config, warmUp);
    await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/readyz`;
    try {
      const early = await fetch(url);
      expect(early.status).toBe(503);
      expect(await early.json()).toEqual({ status: 'unavailable', reason: 'compiling Cypher statements (warm-up)' });
      warmUp.settled = true;
      const ready = await fetch(url);
      expect(await ready.json()).toEqual({ status: 'ready' });
    } finally {
      await app.close();
    }
  });

  it('stops between statements when asked', async () => {
    const warmUp = new WarmUp(graph.db.driver, graph.db.database, allStatements());
    await warmUp.stop();
    expect(warmUp.settled).toBe(true);
    expect((await warmUp.done)!.statements).toBeLessThan(allStatements().length);
  });
});
