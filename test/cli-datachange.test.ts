import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { modelgraph } from './support/cli';
import { useGraph } from './support/graph';

/* `modelgraph profile`, `diff` and `impact --quantify`, run in process against the service. */

/** Two CSV files of the same table: `amount` shifts upwards, `country` keeps its mix, `legacy` goes away. */
function writeCsvs(dir: string): { v1: string; v2: string } {
  const rows = (n: number, amount: (i: number) => number, legacy: boolean) => [
    `id,amount,country${legacy ? ',legacy' : ''}`,
    ...Array.from({ length: n }, (_, i) => `${i},${amount(i)},${i % 2 ? 'FR' : 'DE'}${legacy ? ',x' : ''}`)].join('\n') + '\n';
  const v1 = path.join(dir, 'orders-v1.csv');
  const v2 = path.join(dir, 'orders-v2.csv');
  fs.writeFileSync(v1, rows(200, (i) => i % 100, true));
  fs.writeFileSync(v2, rows(200, (i) => 50 + (i % 100), false));
  return { v1, v2 };
}

describe('the data-change commands of the modelgraph CLI', () => {
  const graph = useGraph({ MODELGRAPH_LINEAGE_TIMEOUT_MS: '60000' });
  const env = () => ({ MODELGRAPH_URL: graph.url });
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelgraph-cli-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('profiles CSV files into dataset versions, diffs them, and quantifies the impact on served models', async () => {
    const { v1, v2 } = writeCsvs(dir);
    const p1 = await modelgraph(['profile', v1, '--dataset', 'warehouse/orders', '--version', 'v1', '--created-at', '2026-01-01T00:00:00Z'], env());
    expect(p1).toMatchObject({ code: 0, stderr: '' });
    expect(p1.stdout).toContain('Registered warehouse/orders@v1: 200 rows, 4 fields');
    expect(p1.stdout).toMatch(/amount\s+\S+\s+0\s+100\s+0\s+99\s+49\.5/);
    expect((await modelgraph(['profile', v2, '--dataset', 'warehouse/orders', '--version', 'v2'], env())).code).toBe(0);
    const { datasetVersion } = await graph.ok(`{ datasetVersion(ref: { namespace: "warehouse", name: "orders", version: "v1" }) { rowCount createdAt fields { name profile } } }`);
    expect(datasetVersion).toMatchObject({ rowCount: 200, createdAt: '2026-01-01T00:00:00.000Z' });
    expect(datasetVersion.fields.find((f: { name: string }) => f.name === 'amount').profile).toMatchObject({ count: 200, nulls: 0, min: 0, max: 99 });

    const diff = await modelgraph(['diff', '--dataset', 'warehouse/orders', '--from', 'v1', '--to', 'v2'], env());
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('Diff of warehouse/orders v1 → v2: 1 of 3 compared fields drifted');
    expect(diff.stdout).toMatch(/legacy\s+REMOVED/);
    expect(diff.stdout).toMatch(/amount\s+NUMERIC\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+yes/);
    const gate = await modelgraph(['diff', '--dataset', 'warehouse/orders', '--from', 'v1', '--to', 'v2', '--fail-on-drift', '--json'], env());
    expect(gate.code).toBe(3);
    expect(JSON.parse(gate.stdout).fields.find((f: { field: string }) => f.field === 'amount').drifted).toBe(true);
    const same = await modelgraph(['diff', '--dataset', 'warehouse/orders', '--from', 'v1', '--to', 'v1', '--fail-on-drift'], env());
    expect(same.code).toBe(0);

    // One served model uses a feature of the drifted column, another one of the stable column.
    await graph.ok(`mutation {
      a: upsertFeature(input: { namespace: "fs", name: "amount", derivedFrom: [{ namespace: "warehouse", name: "orders", version: "v1", field: "amount" }] }) { id }
      c: upsertFeature(input: { namespace: "fs", name: "country", derivedFrom: [{ namespace: "warehouse", name: "orders", version: "v1", field: "country" }] }) { id }
      f: registerModelVersion(input: { model: "fraud", version: "1", features: [{ feature: { namespace: "fs", name: "amount" }, importance: 2 }] }) { id }
      g: registerModelVersion(input: { model: "geo", version: "1", features: [{ feature: { namespace: "fs", name: "country" }, importance: 1 }] }) { id }
      d1: upsertDeployment(input: { name: "fraud-prod", environment: "prod" }) { id }
      d2: upsertDeployment(input: { name: "geo-prod", environment: "prod" }) { id }
      s1: deploy(deployment: "fraud-prod", target: { modelVersion: { model: "fraud", version: "1" } }) { name }
      s2: deploy(deployment: "geo-prod", target: { modelVersion: { model: "geo", version: "1" } }) { name } }`);
    const q = await modelgraph(['impact', '--dataset', 'warehouse/orders', '--quantify', '--from', 'v1', '--to', 'v2'], env());
    expect(q.code).toBe(0);
    expect(q.stdout).toContain('Impact of DATASET warehouse/orders');
    expect(q.stdout).toMatch(/1\s+fraud-prod\s+DRIFTED\s+[\d.]+\s+fs\/amount \(fraud@1: [\d.]+\)/);
    expect(q.stdout).toMatch(/2\s+geo-prod\s+UNCHANGED\s+0\s+-/);
    const json = await modelgraph(['impact', '--dataset', 'warehouse/orders', '--quantify', '--from', 'v1', '--to', 'v2', '--json', '--fail-if-served'], env());
    expect(json.code).toBe(3);
    const ranked = JSON.parse(json.stdout).dataChangeImpact.deployments;
    const psi = JSON.parse(gate.stdout).fields.find((f: { field: string }) => f.field === 'amount').psi;
    expect(ranked[0].score).toBeCloseTo(psi * 2, 10);
  });

  it('fails the drift gate on a schema break (a removed or retyped field), and --fail-on-breaking only on one', async () => {
    // The same values in both versions: nothing drifts, but `legacy` goes away and `code` turns from numbers to text.
    const rows = (code: (i: number) => string, legacy: boolean) => [`id,amount,code${legacy ? ',legacy' : ''}`,
      ...Array.from({ length: 50 }, (_, i) => `${i},${i % 10},${code(i)}${legacy ? ',x' : ''}`)].join('\n') + '\n';
    fs.writeFileSync(path.join(dir, 'v1.csv'), rows((i) => String(i % 3), true));
    fs.writeFileSync(path.join(dir, 'v2.csv'), rows((i) => `c${i % 3}`, false));
    fs.writeFileSync(path.join(dir, 'v3.csv'), rows((i) => `c${i % 3}`, false).replace(/\n(\d+),\d+,/g, (_, id: string) => `\n${id},${Number(id) * 100},`));
    for (const v of ['v1', 'v2', 'v3']) {
      expect((await modelgraph(['profile', path.join(dir, `${v}.csv`), '--dataset', 'lake/codes', '--version', v], env())).code).toBe(0);
    }
    const diff = (from: string, to: string, ...flags: string[]) => modelgraph(['diff', '--dataset', 'lake/codes', '--from', from, '--to', to, ...flags], env());
    const broken = await diff('v1', 'v2', '--fail-on-drift');
    expect(broken.stdout).toContain('0 of 2 compared fields drifted');
    expect(broken.stdout).toMatch(/legacy\s+REMOVED/);
    expect(broken.stdout).toMatch(/code\s+TYPE_CHANGED\s+integer\s+string/);
    expect(broken.code).toBe(3);
    expect((await diff('v1', 'v2', '--fail-on-breaking')).code).toBe(3);
    expect((await diff('v1', 'v2')).code).toBe(0);
    // Drift without a schema break: the drift gate fails, the breaking gate does not; an added field breaks nothing.
    expect((await diff('v2', 'v3', '--fail-on-drift')).code).toBe(3);
    expect((await diff('v2', 'v3', '--fail-on-breaking')).code).toBe(0);
    expect((await diff('v2', 'v1', '--fail-on-breaking')).code).toBe(3); // code retyped back; legacy ADDED alone would pass
  });

  it('exits 1 on usage errors and 2 on GraphQL errors', async () => {
    const noFile = await modelgraph(['profile', path.join(dir, 'nope.csv'), '--dataset', 'warehouse/orders', '--version', 'v1'], env());
    expect(noFile).toMatchObject({ code: 1, stderr: expect.stringContaining('no such file') });
    const noTo = await modelgraph(['impact', '--dataset', 'warehouse/orders', '--quantify', '--from', 'v1'], env());
    expect(noTo).toMatchObject({ code: 1, stderr: 'modelgraph: --quantify needs --from <version> and --to <version>\n' });
    const missing = await modelgraph(['diff', '--dataset', 'warehouse/orders', '--from', 'v1', '--to', 'v2'], env());
    expect(missing).toMatchObject({ code: 2, stderr: "modelgraph: NOT_FOUND: DatasetVersion 'warehouse/orders@v1' not found.\n" });
  });
});
