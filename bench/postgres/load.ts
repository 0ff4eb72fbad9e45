import neo4j, { DateTime, Driver } from 'neo4j-driver';
import { Client } from 'pg';

/** What was copied into PostgreSQL, for the report. */
export interface PostgresGraph {
  nodes: number;
  edges: number;
  loadSeconds: number;
  /** Table and index sizes (MB), as PostgreSQL counts them. */
  sizeMb: number;
}

const SCHEMA = `
  CREATE UNLOGGED TABLE nodes (id uuid PRIMARY KEY, label text NOT NULL);
  CREATE UNLOGGED TABLE edges (src uuid NOT NULL, dst uuid NOT NULL, type text NOT NULL,
                               valid_from timestamptz, valid_to timestamptz, retracted_at timestamptz)`;
/** Both directions are walked; the type narrows each lookup to the rule's relationships. */
const INDEXES = ['CREATE INDEX edges_src ON edges (src, type)', 'CREATE INDEX edges_dst ON edges (dst, type)', 'VACUUM ANALYZE nodes', 'VACUUM ANALYZE edges'];
const BATCH = 10_000;
/**
 * A scan's transaction timeout: the launcher's default (60 s) is for requests, and a scan of the
 * large graph (3M relationships, streamed into PostgreSQL as it is read) came close to it on a quiet
 * machine and went past it on a busy one.
 */
const SCAN_TIMEOUT_MS = 15 * 60_000;

/**
 * Copies the generated graph out of Neo4j in one scan of nodes and one of relationships (exactly
 * what is there, however it was made: a fresh graph or one kept with --data): every node with an
 * id (the generated ones; the migration ledger has none) and every relationship between two of
 * them with its validity (MEMBER, SERVES and ALIAS from/to; retractedAt). Unlogged tables: nothing
 * needs to survive a crash and reading them is the same. Fails if anything is retracted: time
 * travel is not part of the comparison, so the closure is taken at the current time only.
 */
export async function loadIntoPostgres(driver: Driver, pg: Client): Promise<PostgresGraph> {
  const started = performance.now();
  await pg.query(SCHEMA);
  const nodes = await copy(driver, 'MATCH (n) WHERE n.id IS NOT NULL RETURN n.id AS id, labels(n)[0] AS label', async (rows) => {
    await pg.query('INSERT INTO nodes SELECT * FROM unnest($1::uuid[], $2::text[])', [rows.map((r) => r.id), rows.map((r) => r.label)]);
  });
  let retracted = 0;
  const edges = await copy(driver, `MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL
      RETURN a.id AS src, b.id AS dst, type(r) AS type, r.from AS validFrom, r.to AS validTo, r.retractedAt AS retractedAt`, async (rows) => {
    retracted += rows.filter((r) => r.retractedAt != null).length;
    const time = (k: string) => rows.map((r) => (r[k] instanceof DateTime ? (r[k] as DateTime).toStandardDate().toISOString() : null));
    await pg.query('INSERT INTO edges SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[])',
      [rows.map((r) => r.src), rows.map((r) => r.dst), rows.map((r) => r.type), time('validFrom'), time('validTo'), time('retractedAt')]);
  });
  if (retracted) throw new Error(`${retracted} relationships of the graph are retracted: the PostgreSQL comparison is at the current time only`);
  for (const statement of INDEXES) await pg.query(statement); // one each: VACUUM refuses a transaction block
  const size = await pg.query<{ mb: string }>(`SELECT (pg_total_relation_size('nodes') + pg_total_relation_size('edges')) / 1048576.0 AS mb`);
  return { nodes, edges, loadSeconds: Math.round((performance.now() - started) / 100) / 10, sizeMb: Math.round(Number(size.rows[0].mb)) };
}

/** Streams a statement's records in batches of BATCH to `sink`; answers how many there were. */
async function copy(driver: Driver, statement: string, sink: (rows: Record<string, unknown>[]) => Promise<void>): Promise<number> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ, fetchSize: BATCH });
  let rows: Record<string, unknown>[] = [];
  let count = 0;
  try {
    for await (const record of session.run(statement, {}, { timeout: SCAN_TIMEOUT_MS })) {
      rows.push(record.toObject());
      if (rows.length === BATCH) {
        await sink(rows);
        count += rows.length;
        rows = [];
      }
    }
    if (rows.length) await sink(rows);
    return count + rows.length;
  } finally {
    await session.close();
  }
}
