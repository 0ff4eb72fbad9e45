import { Browser } from 'playwright-core';
import { describeWithBrowser, foreignRequests, launchBrowser, openPage, screenshot, WatchedPage } from './support/browser';
import { useGraph } from './support/graph';
import { seedUiScenario } from './support/ui-scenario';

jest.setTimeout(240_000);

/*
 * The web UI in a real browser (Debian's Chromium through playwright-core) against the service on
 * a free port and this worker's Neo4j, with data recorded through the API (test/support/ui-scenario.ts).
 * Every page must load, show the data, answer a click, log no console error and ask nothing of
 * any origin but the service's.
 */
describeWithBrowser('web UI', () => {
  const graph = useGraph();
  let browser: Browser;
  let watched: WatchedPage;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => { await browser?.close(); });
  beforeEach(async () => {
    await seedUiScenario(graph);
    watched = await openPage(browser, graph.url);
  });
  afterEach(async () => {
    // The page as the test left it, to see what a failure looked like.
    await screenshot(watched.page, `last-${(expect.getState().currentTestName ?? 'test').slice(7, 40).replace(/\W+/g, '-')}`, false).catch(() => undefined);
    await watched.page.context().close();
    expect(watched.consoleErrors).toEqual([]);
    expect(foreignRequests(watched, graph.url)).toEqual([]);
    expect(watched.requests.some((u) => u.endsWith('/graphql'))).toBe(true);
  });

  it('Models: every model with versions, aliases, where served, the latest metric and a sparkline; search by name', async () => {
    const { page } = watched;
    await page.goto('/');
    await page.waitForURL('**/models');
    const rows = page.getByTestId('model-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    const fraud = rows.filter({ hasText: 'fraud' });
    await fraud.getByText('champion → 2').waitFor();
    await fraud.getByText('fraud-prod').waitFor();
    // risk@1 and risk@2 are served through the ensemble: its deployment is shown too.
    await rows.filter({ hasText: 'risk-ens' }).getByTestId('served-via-ensemble').getByText('risk-prod').first().waitFor();
    await page.getByTestId('sparkline').first().locator('canvas').waitFor();
    expect(await fraud.getByTestId('latest-value').textContent()).toMatch(/^0\.9\d*$/);
    await screenshot(page, 'models');

    await page.getByLabel('Search models').fill('ris');
    await rows.nth(1).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('risk-ens');
  });

  it('a deployment: metrics over time with its changes marked, zoomed with the wheel into hourly buckets', async () => {
    const { page } = watched;
    await page.goto('/deployments/fraud-prod');
    await page.getByTestId('serving').getByText('fraud@2').waitFor();
    const summary = page.getByTestId('metric-summary');
    await summary.getByText(/accuracy: \d+ hour buckets · auc: \d+ hour buckets · \d+ events/).waitFor();
    await page.getByTestId('traffic-chart').locator('canvas').waitFor();
    // Its alert fired and resolved: a past alert, listed and shaded on the chart.
    const past = page.getByTestId('alert-row').filter({ hasText: 'fraud-prod accuracy below 0.95' });
    await past.getByText('RESOLVED').waitFor();
    expect(await page.getByTestId('alerts').textContent()).toContain('0 open, 1 past');
    await summary.getByText(/events · 1 alert$/).waitFor();
    await screenshot(page, 'deployment');

    const range = page.getByTestId('metric-range');
    const before = await range.textContent();
    const box = (await page.getByTestId('metric-chart').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 40);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -400);
    await page.waitForFunction(`document.querySelector('[data-testid="metric-range"]').textContent !== ${JSON.stringify(before)}`);
    await summary.getByText(/accuracy: \d+ (minute|hour) buckets/).waitFor();
  });

  it('a model and an ensemble: versions, a metric across versions, weights over time', async () => {
    const { page } = watched;
    await page.goto('/models/fraud');
    await page.getByTestId('versions-table').getByText('champion').waitFor();
    await page.getByTestId('across-summary').getByText(/1: 0\.\d+ · 2: 0\.\d+/).waitFor();
    await page.getByTestId('metric-summary').getByText(/accuracy: \d+ hour buckets.* · \d+ events/).waitFor();
    await screenshot(page, 'model');

    await page.getByRole('button', { name: '1', exact: true }).click();
    await page.waitForURL('**/models/fraud?version=1');
    await page.getByRole('heading', { name: 'fraud@1 over time' }).waitFor();

    await page.getByRole('link', { name: 'Models' }).click();
    await page.getByRole('link', { name: 'risk-ens' }).first().click();
    await page.waitForURL('**/ensembles/risk-ens');
    await page.getByTestId('members').getByText('weight 0.7').waitFor();
    await page.getByTestId('weights-chart').locator('canvas').waitFor();
    await page.getByTestId('metric-summary').getByText(/accuracy: \d+ hour buckets.* · \d+ events · 1 alert$/).waitFor();
    // Its accuracy is below the rule's 0.85: an open, firing, critical alert.
    const firing = page.getByTestId('alert-row').filter({ hasText: 'risk-ens accuracy below 0.85' });
    await firing.getByText('FIRING').waitFor();
    await firing.getByText('CRITICAL').waitFor();
    expect(await page.getByTestId('alerts').textContent()).toContain('1 open, 0 past');
    await screenshot(page, 'ensemble');
  });

  it('Lineage: a layered graph; click a node, expand it, move the asOf slider back and it is redrawn as it stood', async () => {
    const { page } = watched;
    await page.goto('/lineage?type=MODEL&name=fraud&depth=1');
    await drawn(page, 1);
    const labels = () => page.evaluate<string[]>("window.modelgraphLineage.nodes().map((n) => n.data('label')).sort()");
    expect(await labels()).toEqual(['fraud', 'fraud@1', 'fraud@2']);

    await clickNode(page, 'fraud@1');
    await page.getByTestId('node-details').getByRole('heading', { name: 'fraud@1' }).waitFor();
    await page.getByTestId('node-details').getByRole('button', { name: 'Expand' }).click();
    await drawn(page, 2);
    // fraud@1's features and training data; not fraud-prod, which serves fraud@2 now.
    expect(await labels()).toEqual(['fraud', 'fraud@1', 'fraud@2', 'fs/amount_avg', 'fs/legacy_flag', 'warehouse/orders@v1']);

    await page.goto('/lineage?type=MODEL&name=fraud&depth=4&direction=DOWNSTREAM');
    await drawn(page, 1);
    expect(await labels()).toEqual(expect.arrayContaining(['fraud@2', 'fraud-prod']));
    // 12 of the slider's 30 days back: fraud@2 (8 days old) did not exist yet.
    await page.getByLabel('As of').fill(String(200 - Math.round((12 / 30) * 200)));
    await drawn(page, 2);
    expect(await page.getByTestId('as-of').textContent()).not.toBe('now');
    const then = await labels();
    expect(then).toContain('fraud@1');
    expect(then).not.toContain('fraud@2');

    // Field level on demand: what fraud-prod serves, upstream, down to the dataset's columns.
    await page.goto('/lineage?type=DEPLOYMENT&name=fraud-prod&direction=UPSTREAM&depth=6&fields=1');
    await drawn(page, 1);
    expect(await labels()).toEqual(expect.arrayContaining(['warehouse/orders@v2', 'warehouse/orders@v1.amount', 'fs/amount_avg']));
    await clickNode(page, 'fs/amount_avg');
    await page.getByTestId('node-details').getByRole('heading', { name: 'fs/amount_avg' }).waitFor();
    await screenshot(page, 'lineage');
  });

  it('Impact: the served deployments a dataset version reaches, with paths, and the change between two versions per field', async () => {
    const { page } = watched;
    await page.goto('/impact?namespace=warehouse&name=orders&version=v1');
    const reached = page.getByTestId('reached-deployment');
    await reached.filter({ hasText: 'fraud-prod' }).waitFor();
    await reached.filter({ hasText: 'risk-prod' }).getByText('risk-ens').first().waitFor();
    const change = page.getByTestId('data-change');
    // fraud-prod serves fraud@2 now, which uses amount_avg (drifted); legacy (removed) is used by nothing served.
    await change.getByTestId('deployment-impact').locator('tr', { hasText: 'fraud-prod' }).getByText('drifted').waitFor();
    const diff = change.getByTestId('field-diff');
    await diff.getByText('removed').waitFor();
    const amount = diff.locator('tr', { hasText: 'amount' });
    expect(await amount.textContent()).toContain('0.4159'); // PSI of 50/50 → 80/20: 0.3·ln 4
    await screenshot(page, 'impact');

    await page.getByLabel('Field').selectOption('amount');
    await page.waitForURL('**field=amount');
    await reached.filter({ hasText: 'fraud-prod' }).getByText('warehouse/orders@v1.amount').first().waitFor();
  });
});

/** Waits until the lineage was drawn `times` times on this page (ui/src/lineage/render-timing.ts). */
function drawn(page: WatchedPage['page'], times: number) {
  return page.waitForFunction(`document.body.dataset.lineageRendered === '${times}'`);
}

/** A real mouse click where Cytoscape drew the node. */
async function clickNode(page: WatchedPage['page'], label: string): Promise<void> {
  const at = await page.evaluate<{ x: number; y: number }>(`window.modelgraphLineage.nodes().filter((n) => n.data('label') === ${JSON.stringify(label)})[0].renderedPosition()`);
  const box = (await page.getByTestId('lineage-canvas').boundingBox())!;
  await page.mouse.click(box.x + at.x, box.y + at.y);
}
