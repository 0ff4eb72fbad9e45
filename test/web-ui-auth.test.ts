import { Browser } from 'playwright-core';
import { AuthService } from '../src/auth/auth.service';
import { describeWithBrowser, foreignRequests, launchBrowser, openPage } from './support/browser';
import { useGraph } from './support/graph';

jest.setTimeout(240_000);

/** With auth on, the web UI asks for an API key, keeps it in this tab's sessionStorage and sends it. */
describeWithBrowser('web UI with auth on', () => {
  const graph = useGraph({ MODELGRAPH_AUTH: 'on' });
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => { await browser?.close(); });

  it('asks for a key when the service answers UNAUTHENTICATED, then shows the data; another tab asks again', async () => {
    const key = `mg_${'k'.repeat(40)}`;
    await graph.app.container.get(AuthService).ensureAdminKey(key);
    const seeded = await graph.gql('mutation { registerModelVersion(input: { model: "fraud", version: "1" }) { id } }', {}, { authorization: `Bearer ${key}` });
    expect(seeded.errors).toBeUndefined();

    const watched = await openPage(browser, graph.url);
    const { page } = watched;
    await page.goto('/models');
    const dialog = page.getByRole('dialog', { name: 'API key' });
    await dialog.waitFor();
    await dialog.getByLabel('API key').fill(key);
    await dialog.getByRole('button', { name: 'Use this key' }).click();
    await page.getByTestId('model-row').filter({ hasText: 'fraud' }).waitFor();
    expect(await page.evaluate<string | null>('sessionStorage.getItem("modelgraph.apiKey")')).toBe(key);
    expect(await page.evaluate<number>('localStorage.length')).toBe(0);

    // sessionStorage belongs to the tab: a new one starts without the key.
    const other = await page.context().newPage();
    await other.goto(`${graph.url}/models`);
    await other.getByRole('dialog', { name: 'API key' }).waitFor();

    // The only errors are the refused requests before the key was given (the browser logs each 401).
    expect(watched.consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    expect(watched.consoleErrors.length).toBeGreaterThan(0);
    expect(foreignRequests(watched, graph.url)).toEqual([]);
    await page.context().close();
  });
});
