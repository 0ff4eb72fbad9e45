import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { VENV_BIN } from './mlflow-server';

const FIXTURE = path.resolve(__dirname, '../fixtures/dbt');
/** Present when scripts/setup-python.sh ran; in CI (CI=true) its absence is a failure, not a skip. */
export const hasDbt = fs.existsSync(path.join(VENV_BIN, 'dbt-ol')) || !!process.env.CI;

export interface DbtRun { namespace: string; stdout: string; remove(): void }

/**
 * `dbt-ol run` of test/fixtures/dbt (dbt-core with dbt-duckdb under openlineage-dbt, pinned in
 * scripts/setup-python.sh) on a copy in a temporary directory, so nothing is written into the
 * repository; its OpenLineage events go to `openlineageUrl` (the service under test). dbt-ol runs
 * the `dbt` on PATH: .venv/bin comes first. `namespace` is the datasets' OpenLineage namespace
 * (dbt-duckdb's: `duckdb://` + the database file). Slow here (about 100 s under load).
 */
export async function runDbtOl(openlineageUrl: string): Promise<DbtRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelgraph-dbt-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  const database = path.join(dir, 'shop.duckdb');
  const env: NodeJS.ProcessEnv = {
    ...process.env, PATH: `${VENV_BIN}${path.delimiter}${process.env.PATH ?? ''}`, DBT_DUCKDB_PATH: database,
    OPENLINEAGE_URL: openlineageUrl, DBT_SEND_ANONYMOUS_USAGE_STATS: 'false', DO_NOT_TRACK: '1',
  };
  for (const k of ['OPENLINEAGE_CONFIG', 'OPENLINEAGE_API_KEY', 'OPENLINEAGE_DISABLED']) delete env[k];
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(VENV_BIN, 'dbt-ol'), ['run', '--project-dir', dir, '--profiles-dir', dir],
      { cwd: dir, env, timeout: 400_000, maxBuffer: 16 * 1024 * 1024 });
    return { namespace: `duckdb://${database}`, stdout: stdout + stderr, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
