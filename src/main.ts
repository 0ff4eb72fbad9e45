import 'reflect-metadata';
import { log } from './common/log';
import { loadConfig } from './config';
import { EmbeddedNeo4jError } from './neo4j/embedded';
import { startService } from './service';

/** `npm start`: the service on the embedded Neo4j, or on NEO4J_URI when set. */
async function main(): Promise<void> {
  const config = loadConfig();
  const service = await startService(config);
  log.info({ url: service.url }, `modelgraph is serving ${service.url}/graphql (GraphiQL: ${service.url}/graphiql)`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining requests, closing Neo4j');
    try {
      await service.stop();
      process.exit(0);
    } catch (e) {
      log.error({ err: e }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e: Error) => {
  // A start-up refusal that says what to do (an unusable data directory, a port in use) is one
  // line; anything else keeps its stack, which is what a bug report needs.
  if (e instanceof EmbeddedNeo4jError) log.fatal(e.message);
  else log.fatal({ err: e }, e.message);
  console.error(`modelgraph could not start: ${e.message}`);
  process.exit(1);
});
