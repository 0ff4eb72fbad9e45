import { Config } from '../config';
import { Db } from '../db/db';
import { migrate } from '../db/migrate';
import { startEmbeddedNeo4j } from '../neo4j/embedded';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { CreatedApiKey } from './auth.types';

/**
 * `modelgraph keys bootstrap`: the first admin key of a database, made straight in Neo4j (there is
 * no key yet to call the API with). Refused (CONFLICT) once an active admin key exists, so it
 * cannot be used to mint admin keys later. Uses NEO4J_URI, else the embedded Neo4j's data dir
 * (reusing the instance a running service started).
 */
export async function bootstrapAdminKey(config: Config, name = 'bootstrap'): Promise<CreatedApiKey> {
  const embedded = config.neo4j.uri ? undefined
    : await startEmbeddedNeo4j({ dataDir: config.neo4j.embeddedDataDir, port: config.neo4j.embeddedPort });
  const db = Db.connect(config.neo4j.uri ?? embedded!.uri, embedded?.user ?? config.neo4j.user, embedded?.password ?? config.neo4j.password, config.neo4j.database, config.neo4j.pool);
  try {
    await migrate(db);
    return await new AuthService(new AuthRepository(db), { ...config.auth, enabled: true }).bootstrapAdminKey(name);
  } finally {
    await db.close();
    if (embedded && !embedded.reused) await embedded.stop();
  }
}
