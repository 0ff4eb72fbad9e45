import 'reflect-metadata'; // the modules' GraphQL classes are decorated (type-graphql) when they load
import { Container } from '../app/container';
import { Config, loadConfig } from '../config';
import { Db } from '../db/db';
import { migrate } from '../db/migrate';
import { modules } from '../modules';
import { startEmbeddedNeo4j } from '../neo4j/embedded';

/**
 * For commands that work on the graph itself rather than through a running service (`replay`,
 * `sync mlflow`): the services of every module on NEO4J_URI, else on the embedded Neo4j's data
 * (reusing the instance a running service started), migrated; closed when `work` ends.
 */
export async function withGraph<T>(work: (c: Container) => Promise<T>, config: Config = loadConfig()): Promise<T> {
  const embedded = config.neo4j.uri ? undefined
    : await startEmbeddedNeo4j({ dataDir: config.neo4j.embeddedDataDir, port: config.neo4j.embeddedPort });
  const db = Db.connect(config.neo4j.uri ?? embedded!.uri, embedded?.user ?? config.neo4j.user, embedded?.password ?? config.neo4j.password, config.neo4j.database, config.neo4j.pool);
  try {
    await migrate(db);
    const c = new Container(db, config);
    for (const m of modules) m.register(c);
    return await work(c);
  } finally {
    await db.close();
    if (embedded && !embedded.reused) await embedded.stop();
  }
}
