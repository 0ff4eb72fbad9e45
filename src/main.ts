import 'reflect-metadata';
import v8 from 'node:v8';
import { log } from './common/log';
import { loadConfig } from './config';
import { EmbeddedNeo4jError } from './neo4j/embedded';
import { startService } from './service';

/**
 * How far V8 lets the old generation grow past what its last full collection found live before it
 * collects again: 100%. Left to itself V8 allows up to 4× when collecting looks cheap next to the
 * allocation rate, and for this service it does: a heavy request (5,000 outcomes, 100 OpenLineage
 * events, a page of a large impact) lives long enough for its objects to be promoted, and they
 * stay as garbage until the limit is reached (small graph: the heap after a full collection was
 * 35-39 MB while it grew to 150-160 MB between collections). Measured on the large graph (bench,
 * quiet): V8's default, RSS peak 415 MB; 100%, 317 MB with OpenLineage throughput as with the
 * default; 50%, 245 MB but OpenLineage ingestion at half the rate (single events 31/s against
 * 58/s with 4 clients, batches 133/s against 515/s: full collections of a larger live heap).
 * Set here, in the code `npm start` and the bench both run, rather than as a command-line flag (V8
 * reads it each time it sets the next limit); a --heap-growing-percent given to node wins.
 */
const HEAP_GROWING_PERCENT = 100;

function boundHeapGrowth(): void {
  if (process.execArgv.some((a) => /^--heap[-_]growing[-_]percent/.test(a))) return;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** `npm start`: the service on the embedded Neo4j, or on NEO4J_URI when set. */
async function main(): Promise<void> {
  boundHeapGrowth();
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
