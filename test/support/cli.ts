import { run } from '../../src/cli/main';

export interface CliResult { code: number; stdout: string; stderr: string }

/**
 * Runs one `modelgraph` command line in this process (src/cli/main.ts `run`): what the command
 * prints on stdout and stderr, and its exit status, as the real command would give them. `env` is
 * set for the duration (the command reads MODELGRAPH_URL and MODELGRAPH_API_KEY); the API key is
 * empty unless given. test/cli.test.ts also runs bin/modelgraph.js once as a real process.
 */
export async function modelgraph(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const vars: Record<string, string> = { MODELGRAPH_API_KEY: '', ...env };
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  let stdout = '';
  let stderr = '';
  try {
    const code = await run(['node', 'modelgraph', ...args], {
      stdout: (text) => { stdout += text; },
      stderr: (text) => { stderr += text; },
    });
    return { code, stdout, stderr };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
