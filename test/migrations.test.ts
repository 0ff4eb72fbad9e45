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

  it('refuse a database migrated by a newer modelgraph, with a clear message', async () => {
    await db.runAutoCommit("CREATE (:SchemaMigration {version: 9001, name: 'from the future', checksum: 'x'})");
    await expect(migrate(db)).rejects.toThrow(SchemaTooNewError);
    await expect(migrate(db)).rejects.toThrow(/schema is at version 9001, newer than this modelgraph knows/);
  });
});
