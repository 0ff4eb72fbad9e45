import { ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const VENV_BIN = path.resolve(__dirname, '../../.venv/bin');
/** Present when scripts/setup-python.sh ran; in CI (CI=true) its absence is a failure, not a skip. */
export const hasMlflow = fs.existsSync(path.join(VENV_BIN, 'mlflow')) || !!process.env.CI;

export interface MlflowServer { url: string; populate(spec: Record<string, unknown>): Promise<{ runs: string[] }>; stop(): Promise<void> }

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    }).on('error', reject);
  });
}

/**
 * A real MLflow tracking server (the pinned `mlflow` from .venv) on a free port, with a SQLite
 * backend in a temporary directory; resolves once /health answers (about 20 s here).
 * `populate` runs test/python/mlflow_populate.py, MLflow's own client, against it.
 */
export async function startMlflow(): Promise<MlflowServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelgraph-mlflow-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(path.join(VENV_BIN, 'mlflow'), ['server', '--backend-store-uri', `sqlite:///${dir}/mlflow.db`,
    '--default-artifact-root', `${dir}/artifacts`, '--host', '127.0.0.1', '--port', String(port), '--workers', '1'],
  { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => { log = (log + d.toString()).slice(-4000); });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mlflow server exited: ${log}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`mlflow server did not answer /health within 120 s: ${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    async populate(spec) {
      const { stdout } = await promisify(execFile)(path.join(VENV_BIN, 'python'), [path.resolve(__dirname, '../python/mlflow_populate.py'), url, JSON.stringify(spec)],
        { timeout: 240_000, env: { ...process.env, GIT_PYTHON_REFRESH: 'quiet', MLFLOW_TRACKING_URI: url } });
      return JSON.parse(stdout.trim().split('\n').pop()!);
    },
    async stop() {
      // The server's own process group (uvicorn workers included).
      try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* gone already */ }
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
