import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { seedUiLineage, UI_LINEAGE_ORIGIN } from '../generate/ui-lineage';
import { Latency, summarize } from '../stats';

const CHROMIUM = '/usr/bin/chromium';

export interface UiRenderCase {
  what: string;
  /** The lineage's size as the API answers it (nodes / edges). */
  lineage: { nodes: number; edges: number };
  /** Nodes and edges Cytoscape drew (field level on, so every node of the lineage). */
  nodes: number;
  edges: number;
  /** From navigation start to the first frame painted after ELK's layout: page, GraphQL, layout, paint. */
  firstRender: Latency;
  /** Of which adding the elements, laying them out (ELK, in a Web Worker) and painting. */
  layout: Latency;
  /** Of which waiting for ELK's layered layout in its Web Worker. */
  elk: Latency;
  /** The longest the page's main thread was busy at once until then (long tasks): how unresponsive it got. */
  longestTask: Latency;
}

/** Before the page's own scripts: notes the longest main-thread task (the Long Tasks API, over 50 ms). */
const WATCH_LONG_TASKS = `window.modelgraphLongestTask = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.modelgraphLongestTask = Math.max(window.modelgraphLongestTask, e.duration); })
  .observe({ type: 'longtask', buffered: true });`;

/**
 * Time to first render of a ~1,000-node lineage in the web UI: a lineage of that size seeded for
 * this purpose (bench/generate/ui-lineage.ts: the generated graph has none near that size),
 * opened downstream of its dataset version in headless Chromium (Debian's package, as the browser
 * tests use) `reps` times, each in a fresh page after one warm-up. Null, with the reason logged, without Chromium.
 */
export async function measureUiRender(url: string, reps: number, log: (m: string) => void): Promise<UiRenderCase | null> {
  if (!fs.existsSync(CHROMIUM)) { log(`ui: skipped, no ${CHROMIUM} (sh scripts/setup-debian.sh installs it)`); return null; }
  const lineage = await seedUiLineage(url, log);
  log(`ui: downstream of ui-bench/events@v1, ${lineage.nodes} nodes and ${lineage.edges} edges`);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-dev-shm-usage', '--disable-gpu'] });
  const first: number[] = [];
  const layout: number[] = [];
  const longTasks: number[] = [];
  const elk: number[] = [];
  let drawn = { nodes: 0, edges: 0 };
  try {
    const page = `${url}/lineage?${new URLSearchParams(UI_LINEAGE_ORIGIN)}&direction=DOWNSTREAM&depth=20&fields=1`;
    for (let i = 0; i < reps + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 950 } });
      const tab = await context.newPage();
      await tab.addInitScript(WATCH_LONG_TASKS);
      await tab.goto(page);
      // Drawn, or an error shown (e.g. the lineage ran past the service's time budget).
      await tab.waitForFunction('document.body.dataset.lineageRendered === "1" || document.querySelector("p.error")', undefined, { timeout: 300_000 });
      const error = await tab.locator('p.error').first().textContent({ timeout: 1 }).catch(() => null);
      if (error) { log(`ui: not measured, the page could not draw the lineage: ${error}`); return null; }
      const info = await tab.evaluate<{ nodes: number; edges: number; layoutMs: number; workerMs: number; at: number }>('window.modelgraphLineageRender');
      const longest = await tab.evaluate<number>('window.modelgraphLongestTask');
      await context.close();
      if (i === 0) continue; // the first page warms the service's and the browser's caches
      first.push(info.at);
      layout.push(info.layoutMs);
      longTasks.push(Math.round(longest));
      elk.push(info.workerMs);
      drawn = { nodes: info.nodes, edges: info.edges };
    }
  } finally {
    await browser.close();
  }
  return { what: 'downstream lineage of a dataset version', lineage, ...drawn, firstRender: summarize(first), layout: summarize(layout), elk: summarize(elk), longestTask: summarize(longTasks) };
}
