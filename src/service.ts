import { AddressInfo } from 'node:net';
import { App, createApp } from './app/server';
import { log } from './common/log';
import { Config } from './config';
import { Db } from './db/db';
import { migrate } from './db/migrate';
import { WarmUp } from './db/warm-up';
import { allStatements } from './db/warm-up.repository';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from './neo4j/embedded';

export interface RunningService {
  url: string;
  app: App;
  db: Db;
  embedded?: EmbeddedNeo4j;
  /** The start-up compilation of every statement (MODELGRAPH_WARMUP), running in the background. */
  warmUp?: WarmUp;
  stop(): Promise<void>;
}

/**
 * Brings the whole service up: Neo4j (the embedded one unless NEO4J_URI is set), migrations,
 * then HTTP. Used by main.ts and by tests that need a real server (CLI, OpenLineage clients).
 */
export async function startService(config: Config): Promise<RunningService> {
  log.level = config.logLevel;
  let embedded: EmbeddedNeo4j | undefined;
  let uri = config.neo4j.uri;
  if (!uri) {
    embedded = await startEmbeddedNeo4j({ dataDir: config.neo4j.embeddedDataDir, port: config.neo4j.embeddedPort });
    uri = embedded.uri;
    log.info({ uri, reused: embedded.reused }, 'embedded Neo4j is up');
  }
  let warmUp: WarmUp | undefined;
  const db = Db.connect(uri, embedded?.user ?? config.neo4j.user, embedded?.password ?? config.neo4j.password, config.neo4j.database, config.neo4j.pool);
  try {
    await db.ping();
    const { applied, current } = await migrate(db);
    log.info({ applied, schemaVersion: current }, 'migrations checked');
    // Compiles every statement in the background while the app is built; /readyz waits for it (createApp).
    warmUp = config.warmUp ? new WarmUp(db.driver, db.database, allStatements()) : undefined;
    // A restarted JVM has an empty query cache: compile again, in the background (readiness does not wait).
    let stopping = false;
    if (config.warmUp) embedded?.onRestarted(() => {
      if (stopping) return;
      void warmUp?.stop();
      warmUp = new WarmUp(db.driver, db.database, allStatements());
    });
    const app = await createApp(db, config, warmUp);
    await new Promise<void>((resolve, reject) => {
      app.httpServer.once('error', reject);
      app.httpServer.listen(config.port, config.host, resolve);
    });
    const { port } = app.httpServer.address() as AddressInfo;
    const url = `http://${config.host}:${port}`;
    return {
      url, app, db, embedded, warmUp,
      async stop() {
        stopping = true;
        await warmUp?.stop(); // before the driver closes under its transactions
        await app.close(); // stops accepting, drains in-flight requests
        await db.close();
        if (embedded && !embedded.reused) {
          log.info('stopping the embedded Neo4j (a clean shutdown takes a few seconds)');
          await embedded.stop();
        }
      },
    };
  } catch (e) {
    await warmUp?.stop();
    await db.close();
    if (embedded && !embedded.reused) await embedded.stop();
    throw e;
  }
}
