import { randomUUID } from 'node:crypto';
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

  it('compiles the plans that requests use: after it, asking for models, an impact and posting an event compile nothing', async () => {
    await seed();
    // Cypher's own count of compiled statements (modelgraph.planCache): timings cannot tell a hit from a compile.
    const compiled = async () => Number((await graph.db.runAutoCommit('CALL modelgraph.planCache() YIELD compiled RETURN compiled'))[0].compiled);
    const requests = async () => {
      // A name of 5 characters and a version of 1, ids of 36, a page of models, an impact without a type
      // filter (an empty list), one OpenLineage event.
      const version = await graph.ok(`{ modelVersion(ref: { model: "fraud", version: "1" }) { id model { id } } }`);
      await graph.ok(`query($ref: ModelVersionRef!) { modelVersion(ref: $ref) { version } }`, { ref: { id: version.modelVersion.id } });
      await graph.ok(MODELS);
      await graph.ok(`query($id: ID!) { impact(of: { type: MODEL_VERSION, id: $id }) { summary { total } } }`, { id: version.modelVersion.id });
      const response = await fetch(`${graph.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({
        eventType: 'COMPLETE', eventTime: new Date().toISOString(), producer: 'https://example.com/test',
        schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent', run: { runId: randomUUID() },
        job: { namespace: 'etl', name: 'load_orders' }, inputs: [{ namespace: 'pg', name: 'raw.orders' }], outputs: [{ namespace: 'pg', name: 'clean.orders' }],
      }) });
      expect(response.status).toBe(201);
    };
    const compiledBy = async (work: () => Promise<unknown>) => {
      const before = await compiled();
      await work();
      return (await compiled()) - before; // the count is read after its own statement compiled
    };
    // From an empty cache the requests compile their statements: what the warm-up must have done.
    await graph.db.runAutoCommit('CALL db.clearQueryCaches()');
    expect(await compiledBy(requests)).toBeGreaterThan(5);
    await graph.db.runAutoCommit('CALL db.clearQueryCaches()');
    const warmUp = await warmUpStatements(graph.db.driver, graph.db.database, allStatements());
    expect(warmUp.failed).toEqual([]);
    expect(await compiledBy(requests)).toBe(0);
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
