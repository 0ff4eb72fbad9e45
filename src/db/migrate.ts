import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../common/paths';
import { Db } from './db';

/**
 * Applies cypher/migrations/V<NNN>__<name>.cypher in order and records each as a
 * (:SchemaMigration {version, name, checksum, appliedAt}) node. A migration is known by its
 * version: renaming the file, or rewording its comments, is no change (the checksum covers only
 * the statements); changing a statement after it was applied is refused. Statements are
 * idempotent, so two services starting together, or a crash half-way, are safe. A database
 * migrated by a newer modelgraph than this one is refused rather than guessed at.
 */
export interface Migration { version: number; name: string; checksum: string; statements: string[] }

export class SchemaTooNewError extends Error {}

export const MIGRATIONS_DIR = path.join(projectRoot, 'cypher', 'migrations');

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs.readdirSync(dir).filter((f) => /^V\d+__.+\.cypher$/.test(f)).map((file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const [, version, name] = /^V(\d+)__(.+)\.cypher$/.exec(file)!;
    const statements = text.replace(/^\s*\/\/.*$/gm, '').split(/;\s*$/m).map((s) => s.trim()).filter(Boolean);
    return { version: Number(version), name, checksum: sha256(statements.join(';\n')), statements };
  }).sort((a, b) => a.version - b.version);
}

/** How long start-up waits for new indexes to fill (a large graph's first start after an upgrade). */
const INDEX_WAIT_SECONDS = 600;

export async function migrate(db: Db, migrations = loadMigrations()): Promise<{ applied: number[]; current: number }> {
  await db.runAutoCommit('CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (n:SchemaMigration) REQUIRE n.version IS UNIQUE');
  const rows = await db.runAutoCommit('MATCH (m:SchemaMigration) RETURN m.version AS version, m.checksum AS checksum');
  const recorded = new Map(rows.map((r) => [r.version as number, r.checksum as string]));
  const known = migrations.length ? migrations[migrations.length - 1].version : 0;
  const newest = Math.max(0, ...recorded.keys());
  if (newest > known) {
    throw new SchemaTooNewError(`The database schema is at version ${newest}, newer than this modelgraph knows ` +
      `(${known}). Upgrade modelgraph, or point NEO4J_URI at another database.`);
  }
  const applied: number[] = [];
  for (const m of migrations) {
    const checksum = recorded.get(m.version);
    if (checksum !== undefined) {
      if (checksum === m.checksum) continue;
      if (WHOLE_FILE_CHECKSUMS[m.version] !== checksum) {
        throw new Error(`Migration V${m.version} (${m.name}) was changed after it was applied: add a new migration instead.`);
      }
      await db.runAutoCommit('MATCH (m:SchemaMigration {version: $version}) SET m.name = $name, m.checksum = $checksum',
        { version: m.version, name: m.name, checksum: m.checksum });
      continue;
    }
    for (const statement of m.statements) await db.runAutoCommit(statement);
    await db.runAutoCommit(
      'MERGE (m:SchemaMigration {version: $version}) ON CREATE SET m.name = $name, m.checksum = $checksum, m.appliedAt = datetime()',
      { version: m.version, name: m.name, checksum: m.checksum }, ['version']);
    applied.push(m.version);
  }
  // A new index fills in the background; until it is online the planner plans without it, and
  // caches that plan: the service is ready only once its indexes are (db.awaitIndexes).
  if (applied.length) await db.runAutoCommit('CALL db.awaitIndexes($seconds)', { seconds: INDEX_WAIT_SECONDS }, ['seconds']);
  return { applied, current: known };
}

/** True when every known migration is recorded (part of /readyz). */
export async function isMigrated(db: Db, migrations = loadMigrations()): Promise<boolean> {
  const rows = await db.runAutoCommit('MATCH (m:SchemaMigration) RETURN collect(m.version) AS versions');
  const versions = new Set(rows[0]?.versions as number[]);
  return migrations.every((m) => versions.has(m.version));
}

/**
 * What databases migrated before the checksum covered only the statements recorded: the sha256 of
 * each whole file as it was then. Such a record is accepted once and rewritten to the current
 * checksum and name (V004 was named bench_indexes).
 */
const WHOLE_FILE_CHECKSUMS: Record<number, string> = {
  1: '636b92bfca09d5f96960f352d4e45931b37b65da162249ed1d76b48fcb554f94',
  2: 'bd2f31d87557210546e9d6539ffbaa7cc355f4bfff00a9738d71933e3f055e6b',
  3: '08df74fdfdabe126ccbee943b584511f26d9d5d8802313dbb0793a039ee1abfc',
  4: '9df2a7ca8427f984881807a5873a877ea99c44973bbeaadbcbee0288c8e6fb74',
};

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}
