import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadMigrations, migrate, SchemaTooNewError, isMigrated } from '../src/db/migrate';
import { testDb } from './support/graph';
import { Db } from '../src/db/db';

describe('migrations', () => {
  let db: Db;
  beforeAll(() => { db = testDb(); });
  afterAll(async () => {
    await db.runAutoCommit('MATCH (m:SchemaMigration) WHERE m.version >= 9000 DELETE m');
    await db.close();
  });

  it('are recorded once and re-running them is a no-op', async () => {
    const known = loadMigrations();
    expect(known.map((m) => m.version)).toEqual([...known.map((m) => m.version)].sort((a, b) => a - b));
    await migrate(db);
    const again = await migrate(db);
    expect(again.applied).toEqual([]);
    expect(await isMigrated(db)).toBe(true);
    const rows = await db.runAutoCommit('MATCH (m:SchemaMigration) RETURN m.version AS v ORDER BY v');
    expect(rows.map((r) => r.v)).toEqual(known.map((m) => m.version));
  });

  it('create a uniqueness constraint for every node key', async () => {
    const rows = await db.runAutoCommit("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties");
    const keys = rows.map((r) => `${r.label}(${(r.properties as string[]).join(',')})`);
    for (const key of ['Dataset(id)', 'Dataset(namespace,name)', 'DatasetVersion(datasetId,version)', 'Field(datasetVersionId,name)',
      'Feature(namespace,name)', 'Job(namespace,name)', 'Run(runId)', 'Model(name)', 'ModelVersion(modelId,version)',
      'Ensemble(name)', 'Deployment(name)']) {
      expect(keys).toContain(key);
    }
  });

  it('know a migration by its version: records of the whole-file checksum and the old name of V004 are accepted and rewritten', async () => {
    await migrate(db);
    const v4 = loadMigrations().find((m) => m.version === 4)!;
    expect(v4.name).toBe('composite_key_prefix_indexes');
    // As a database migrated before the rename recorded it (the sha256 of the whole file as it was then).
    await db.runAutoCommit("MATCH (m:SchemaMigration {version: 4}) SET m.name = 'bench_indexes', " +
      "m.checksum = '9df2a7ca8427f984881807a5873a877ea99c44973bbeaadbcbee0288c8e6fb74'");
    expect((await migrate(db)).applied).toEqual([]);
    const [row] = await db.runAutoCommit('MATCH (m:SchemaMigration {version: 4}) RETURN m.name AS name, m.checksum AS checksum');
    expect(row).toEqual({ name: 'composite_key_prefix_indexes', checksum: v4.checksum });
  });

  it('refuse a migration whose statements changed after it was applied, but not reworded comments', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    const checksumOf = (text: string) => {
      fs.writeFileSync(path.join(dir, 'V001__x.cypher'), text);
      return loadMigrations(dir)[0].checksum;
    };
    expect(checksumOf('// one reason\nRETURN 1;\n')).toBe(checksumOf('// another reason\n\nRETURN 1;'));
    expect(checksumOf('RETURN 1;')).not.toBe(checksumOf('RETURN 2;'));
    fs.rmSync(dir, { recursive: true });

    const v4 = loadMigrations().find((m) => m.version === 4)!;
    await db.runAutoCommit("MATCH (m:SchemaMigration {version: 4}) SET m.checksum = 'edited'");
    try {
      await expect(migrate(db)).rejects.toThrow('Migration V4 (composite_key_prefix_indexes) was changed after it was applied');
    } finally {
      await db.runAutoCommit('MATCH (m:SchemaMigration {version: 4}) SET m.checksum = $checksum', { checksum: v4.checksum });
    }
  });

  it('refuse a database migrated by a newer modelgraph, with a clear message', async () => {
    await db.runAutoCommit("CREATE (:SchemaMigration {version: 9001, name: 'from the future', checksum: 'x'})");
    await expect(migrate(db)).rejects.toThrow(SchemaTooNewError);
    await expect(migrate(db)).rejects.toThrow(/schema is at version 9001, newer than this modelgraph knows/);
  });
});
