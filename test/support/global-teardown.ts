import fs from 'node:fs';
import path from 'node:path';

/**
 * Stops the workers' Neo4j instances and removes their data. A worker's instance also stops by
 * itself when the worker process ends (the launcher watches its stdin); this waits for that.
 */
export default async function globalTeardown(): Promise<void> {
  const runDir = process.env.MODELGRAPH_TEST_RUN_DIR;
  if (!runDir || !fs.existsSync(runDir)) return;
  await Promise.all(fs.readdirSync(runDir).map((worker) => stopPidFile(path.join(runDir, worker, 'modelgraph-neo4j.json'))));
  fs.rmSync(runDir, { recursive: true, force: true });
}

async function stopPidFile(file: string): Promise<void> {
  if (!fs.existsSync(file)) return;
  const { pid } = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number };
  const alive = () => { try { process.kill(pid, 0); return true; } catch { return false; } };
  try { process.kill(pid, 'SIGTERM'); } catch { return; } // the launcher's shutdown hook closes the store
  for (let i = 0; i < 600 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
}
