import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { projectRoot } from '../../src/common/paths';

/**
 * Debian's Chromium driven by playwright-core (never a browser download: scripts/setup-debian.sh
 * installs the package). Each page records its console errors and every request it makes, so a
 * test can check that nothing failed and nothing left the service's origin.
 */
export const CHROMIUM = '/usr/bin/chromium';

/** Skipped, saying why, only on a developer machine without Chromium; in CI (CI=true) its absence is a failure. */
export const describeWithBrowser: jest.Describe = (fs.existsSync(CHROMIUM) || process.env.CI
  ? describe
  : (name: string, fn: () => void) => describe.skip(`${name} [skipped: no ${CHROMIUM}: run sh scripts/setup-debian.sh as root]`, fn)) as jest.Describe;

export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
  requests: string[];
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--disable-dev-shm-usage', '--disable-gpu'] });
}

export async function openPage(browser: Browser, baseUrl: string): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1400, height: 950 } });
  const page = await context.newPage();
  // Waits, not timings: generous, for a machine shared with other work (no assertion is about speed).
  page.setDefaultTimeout(90_000);
  const watched: WatchedPage = { page, consoleErrors: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') watched.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => watched.consoleErrors.push(e.stack ?? e.message));
  page.on('request', (r) => watched.requests.push(r.url()));
  return watched;
}

/** Requests that went anywhere but the service (inline data: URLs are not requests to anyone). */
export function foreignRequests(watched: WatchedPage, baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  return watched.requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
}

/**
 * A screenshot as a test artifact (dist/test-artifacts/ui/), and, with
 * MODELGRAPH_UPDATE_SCREENSHOTS=1, also as the README's (docs/screenshots/).
 */
export async function screenshot(page: Page, name: string, forReadme = true): Promise<void> {
  const dirs = [path.join(projectRoot, 'dist', 'test-artifacts', 'ui')];
  if (forReadme && process.env.MODELGRAPH_UPDATE_SCREENSHOTS === '1') dirs.push(path.join(projectRoot, 'docs', 'screenshots'));
  const png = await page.screenshot({ fullPage: true });
  for (const dir of dirs) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.png`), png);
  }
}
