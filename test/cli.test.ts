import { execFile } from 'node:child_process';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { loadFixture } from './fixtures/load';
import { modelgraph } from './support/cli';
import { useGraph } from './support/graph';


describe('the modelgraph CLI against a running service', () => {
  const graph = useGraph({ MODELGRAPH_LINEAGE_TIMEOUT_MS: '60000' });
  const env = () => ({ MODELGRAPH_URL: graph.url });
  beforeEach(() => loadFixture(graph.db, 'impact-graph'));

  it('prints the impact of a dataset version as a table, and gates on served deployments with exit 3', async () => {
    const table = await modelgraph(['impact', '--dataset', 'warehouse/orders', '--version', 'v1'], env());
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Impact of DATASET_VERSION warehouse/orders@v1');
    expect(table.stdout).toMatch(/MODEL_VERSION\s+churn@1/);
    expect(table.stdout).toContain('churn-prod (production) through');
    const gate = await modelgraph(['impact', '--dataset', 'warehouse/orders', '--version', 'v1', '--fail-if-served'], env());
    expect(gate.code).toBe(3);
    const unused = await modelgraph(['impact', '--dataset', 'warehouse/orders', '--version', 'v1', '--field', 'customer_id', '--fail-if-served'], env());
    expect(unused).toMatchObject({ code: 0 });
    expect(unused.stdout).toContain('No served deployment is affected.');
  });

  it('prints JSON, honours --served-only and --as-of', async () => {
    const now = await modelgraph(['impact', '--dataset', 'warehouse/orders', '--version', 'v1', '--served-only', '--json'], env());
    const result = JSON.parse(now.stdout);
    expect(result.summary.servedDeployments.map((d: { name: string }) => d.name)).toEqual(['churn-prod']);
    expect(result.items).toHaveLength(13);
    const then = await modelgraph(['impact', '--dataset', 'warehouse/orders', '--version', 'v1', '--served-only', '--as-of', '2026-01-10T00:00:00Z', '--json'], env());
    expect(JSON.parse(then.stdout).summary.servedDeployments.map((d: { name: string }) => d.name)).toEqual(['churn-canary', 'churn-prod']);
  });

  it('prints provenance and lineage', async () => {
    const prov = await modelgraph(['provenance', '--deployment', 'churn-prod'], env());
    expect(prov.code).toBe(0);
    expect(prov.stdout).toContain('Provenance of DEPLOYMENT churn-prod');
    expect(prov.stdout).toMatch(/churn-ens\s+churn@1\s+0\.5/);
    expect(prov.stdout).toContain('git:ccc1');
    expect(prov.stdout).toContain('Raw datasets: warehouse/orders');
    const lineage = await modelgraph(['lineage', '--model-version', 'churn@1', '--direction', 'down', '--json'], env());
    expect(JSON.parse(lineage.stdout).nodes.map((n: { label: string }) => n.label).sort()).toEqual(['churn-ens', 'churn-prod', 'churn@1']);
    const dot = await modelgraph(['lineage', '--model-version', 'churn@1', '--direction', 'down', '--dot'], env());
    expect(dot.stdout).toContain('"ens-churn" -> "mv-churn-1" [label="MEMBER"]');
  });

  it('exits 1 on usage and connection errors and 2 on GraphQL errors, without stack traces', async () => {
    const usage = await modelgraph(['impact', '--dataset', 'no-slash'], env());
    expect(usage).toMatchObject({ code: 1, stderr: 'modelgraph: --dataset takes <namespace>/<name>\n' });
    expect((await modelgraph(['impact', '--bogus'], env())).code).toBe(1);
    const down = await modelgraph(['impact', '--dataset', 'warehouse/orders', '--url', 'http://127.0.0.1:9'], env());
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^modelgraph: cannot reach http:\/\/127\.0\.0\.1:9\/graphql/);
    const missing = await modelgraph(['impact', '--dataset', 'warehouse/nope'], env());
    expect(missing).toMatchObject({ code: 2, stderr: "modelgraph: NOT_FOUND: Dataset 'warehouse/nope' not found.\n" });
    const tooDeep = await modelgraph(['impact', '--dataset', 'warehouse/orders', '--depth', '99'], env());
    expect(tooDeep.code).toBe(2);
    expect(tooDeep.stderr).toContain('BAD_USER_INPUT');
    for (const r of [usage, down, missing, tooDeep]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('sends the API key as a bearer token', async () => {
    const seen: (string | undefined)[] = [];
    const stub = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ errors: [{ message: 'Invalid API key.', extensions: { code: 'UNAUTHENTICATED' } }] }));
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
    const r = await modelgraph(['impact', '--dataset', 'warehouse/orders'], { MODELGRAPH_URL: url, MODELGRAPH_API_KEY: 'k-123' });
    const flag = await modelgraph(['--url', url, '--api-key', 'k-456', 'impact', '--dataset', 'warehouse/orders']);
    await new Promise((resolve) => stub.close(resolve));
    expect(seen).toEqual(['Bearer k-123', 'Bearer k-456']);
    expect(r).toMatchObject({ code: 2, stderr: 'modelgraph: UNAUTHENTICATED: Invalid API key.\n' });
    expect(flag.code).toBe(2);
  });
});

describe('bin/modelgraph.js, the real command', () => {
  const graph = useGraph();
  beforeEach(() => loadFixture(graph.db, 'impact-graph'));

  /** Runs the command as a child process (asynchronously: the service answers from this process). */
  const subprocess = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => new Promise((resolve) => {
    execFile(process.execPath, [path.join(__dirname, '..', 'bin', 'modelgraph.js'), ...args], {
      env: { ...process.env, MODELGRAPH_CLI_FROM_SOURCE: '1', MODELGRAPH_URL: graph.url, MODELGRAPH_API_KEY: '' }, timeout: 60_000,
    }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });

  it('prints its help, and exits 3 from an impact gate', async () => {
    const help = await subprocess(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: modelgraph/);
    expect(help.stdout).toContain('Exit status: 0 done; 1 usage or connection error; 2 the service answered with GraphQL errors;');
    const gate = await subprocess(['impact', '--dataset', 'warehouse/orders', '--version', 'v1', '--fail-if-served']);
    expect(gate).toMatchObject({ code: 3, stderr: '' });
    expect(gate.stdout).toContain('Impact of DATASET_VERSION warehouse/orders@v1');
  });
});
