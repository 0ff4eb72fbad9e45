import neo4j, { Driver, Neo4jError } from 'neo4j-driver';
import { log } from '../common/log';
import { toNeo4j } from './convert';
import { Query } from './query';
import { SAMPLE_VARIANTS, sampleParams } from './sample-params';

/**
 * Compiles every statement of cypher/ at start-up, in the parameter sizes requests send, so the
 * first request of each operation finds its plans in Neo4j's query cache instead of paying Cypher
 * planning (with a cold JVM: 1–4 s for an operation of a few statements).
 *
 * Why each statement is run, not EXPLAINed: in Neo4j 5.26 an EXPLAIN fills the parse and planner
 * caches but not the cache of executable queries that a real call looks in (it still spent about a
 * fifth of the cold time compiling afterwards). So each statement runs with sample parameters of
 * its declared types (sample-params.ts), once for each variant of string and list sizes that
 * Neo4j would plan apart, in a transaction that is always rolled back: fetching one
 * row at most, bounded by a timeout, writes undone. Reads run in read transactions, writes
 * in write transactions (a write compiled in a read transaction fails before it is cached).
 * After a write, Neo4j keys statements apart by "this transaction has changes", so writes are
 * compiled in both states: alone, and after a throwaway write in the same transaction (what
 * recordMetrics or an ingestion's later statements see).
 *
 * It talks to the driver directly: nothing here is a request's, so it counts toward no request's
 * statements, time budget or audit, nor toward Db.statementsSent.
 */
export interface WarmUpResult {
  /** Statements compiled (all, unless stopped). */
  statements: number;
  /** Statements that failed to compile (a runtime error with sample values still leaves the plan cached). */
  failed: { name: string; code: string; message: string }[];
  ms: number;
}

/**
 * The bound on one statement's transaction. It covers the compilation too, which takes seconds on a
 * busy machine (a 2 s bound cancelled some, and nothing was cached); running with sample values
 * is cheap (keys that match nothing, one row fetched at most), so this is a backstop.
 */
const TIMEOUT_MS = 30_000;
/** Statements compiled at once: Neo4j plans each on one thread, and the machine may have two cores to spare. */
const CONCURRENCY = 2;
/** The throwaway write that puts a transaction into the "has changes" state; rolled back. */
const DIRTY_TX = 'CREATE (w) DELETE w';
/** Codes that mean the statement did not compile (anything else happened while running it, after compiling). */
const COMPILE_ERRORS = /^Neo\.ClientError\.Statement\.(SyntaxError|SemanticError|ParameterMissing|TypeError|ArgumentError)$|^Neo\.ClientError\.Procedure\.ProcedureNotFound$/;
const WRITE_CLAUSE = /\b(CREATE|MERGE|SET|DELETE|REMOVE|FOREACH)\b/i;

export async function warmUpStatements(driver: Driver, database: string | undefined, queries: Query<unknown, unknown>[],
  signal?: AbortSignal): Promise<WarmUpResult> {
  const started = performance.now();
  const failed = new Map<string, WarmUpResult['failed'][number]>();
  // Every statement in the first variant (the commonest sizes) before any in the next: a warm-up cut
  // short by /readyz's bound (a loaded machine) has then compiled what most requests use.
  const queue = variantJobs(queries);
  let compiled = 0;
  const worker = async () => {
    for (let job = queue.shift(); job && !signal?.aborted; job = queue.shift()) {
      if (failed.has(job.q.name)) continue;
      // After a write, only writes are worth compiling again: reads come first in the transactions that write.
      for (const dirty of job.writes ? [false, true] : [false]) {
        const error = await compile(driver, database, job.q.text, job.params, job.writes, dirty);
        if (error) { failed.set(job.q.name, { name: job.q.name, ...error }); break; }
      }
      if (job.variant === 0) compiled++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { statements: compiled, failed: [...failed.values()], ms: Math.round(performance.now() - started) };
}

interface VariantJob { q: Query<unknown, unknown>; variant: number; params: Record<string, unknown>; writes: boolean }

/** Each statement in each variant of parameter sizes that Neo4j plans apart (without strings or lists: one). */
function variantJobs(queries: Query<unknown, unknown>[]): VariantJob[] {
  const seen = new Set<string>();
  return SAMPLE_VARIANTS.flatMap((v, variant) => queries.flatMap((q) => {
    const writes = WRITE_CLAUSE.test(q.text.replace(/\/\/.*$/gm, ''));
    const params = sampleParams(q.source, v);
    const key = `${q.name}\u0000${JSON.stringify(params)}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ q, variant, params: toNeo4j(params, q.integers) as Record<string, unknown>, writes }];
  }));
}

async function compile(driver: Driver, database: string | undefined, text: string, params: Record<string, unknown>,
  writes: boolean, dirty: boolean): Promise<{ code: string; message: string } | undefined> {
  const mode = writes || dirty ? neo4j.session.WRITE : neo4j.session.READ;
  const session = driver.session({ database, defaultAccessMode: mode, fetchSize: 1 });
  const tx = session.beginTransaction({ timeout: TIMEOUT_MS });
  try {
    if (dirty) await tx.run(DIRTY_TX);
    await tx.run(text, params);
    return undefined;
  } catch (e) {
    const code = e instanceof Neo4jError ? e.code : 'unknown';
    return COMPILE_ERRORS.test(code) ? { code, message: (e as Error).message } : undefined;
  } finally {
    await tx.rollback().catch(() => undefined); // a timed-out or failed transaction is gone already
    await session.close();
  }
}

/** Runs the warm-up in the background; `settled` turns true when it ends (or fails, or is stopped). */
export class WarmUp {
  settled = false;
  readonly done: Promise<WarmUpResult | undefined>;
  private readonly abort = new AbortController();

  constructor(driver: Driver, database: string | undefined, queries: Query<unknown, unknown>[]) {
    this.done = warmUpStatements(driver, database, queries, this.abort.signal).then((result) => {
      if (result.failed.length) log.warn({ failed: result.failed }, 'some Cypher statements failed to compile at start-up');
      log.info({ statements: result.statements, ms: result.ms }, 'Cypher statements compiled (warm-up)');
      return result;
    }, (e: Error) => {
      log.warn({ err: e }, 'the start-up warm-up of Cypher statements stopped');
      return undefined;
    }).finally(() => { this.settled = true; });
  }

  /** Compiles nothing more; resolves once the statements being compiled are done (at most their timeout). */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.done;
  }
}
