import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { GeneratedGraph } from '../generate';
import { Random } from '../random';
import { Latency, summarize } from '../stats';
import { Driver } from 'neo4j-driver';
import { candidateOrigins, Origin, sizeOrigins } from './traversals';

const CHROMIUM = '/usr/bin/chromium';
const TARGET_NODES = 1000;

export interface UiRenderCase {
  what: string;
  origin: Origin;
  /** Nodes and edges Cytoscape drew (field level on, so every node of the lineage). */
  nodes: number;
  edges: number;
  /** From navigation start to the first frame painted after ELK's layout: page, GraphQL, layout, paint. */
  firstRender: Latency;
  /** Of which adding the elements, laying them out and painting (the browser's own share). */
  layout: Latency;
}

/**
 * Time to first render of a ~1,000-node lineage in the web UI: the lineage (downstream of data,
 * upstream of what is served) of the candidate origin nearest 1,000 nodes, opened in headless Chromium (Debian's package, as the
 * browser tests use) `reps` times, each in a fresh page. Null, with the reason logged, without Chromium.
 */
export async function measureUiRender(url: string, driver: Driver, graph: GeneratedGraph, reps: number, rnd: Random, log: (m: string) => void): Promise<UiRenderCase | null> {
  if (!fs.existsSync(CHROMIUM)) { log(`ui: skipped, no ${CHROMIUM} (sh scripts/setup-debian.sh installs it)`); return null; }
  // Sized by the raw downstream traversal (no time budget: a loaded machine must not hide the large ones).
  // Downstream of data, upstream of what is served: whichever lineage is nearest 1,000 nodes.
  const sized = [
    ...(await sizeOrigins(driver, 'impact', candidateOrigins(graph, 'impact', rnd))).map((s) => ({ ...s, direction: 'DOWNSTREAM' })),
    ...(await sizeOrigins(driver, 'provenance', candidateOrigins(graph, 'provenance', rnd))).map((s) => ({ ...s, direction: 'UPSTREAM' })),
  ];
  const pick = sized.sort((a, b) => Math.abs(a.reached - TARGET_NODES) - Math.abs(b.reached - TARGET_NODES))[0];
  if (!pick) { log('ui: skipped, no lineage to draw'); return null; }
  log(`ui: ${pick.direction.toLowerCase()} of a ${pick.origin.type}, ${pick.reached} nodes (nearest ${TARGET_NODES} of ${sized.length} candidates)`);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-dev-shm-usage', '--disable-gpu'] });
  const first: number[] = [];
  const layout: number[] = [];
  let drawn = { nodes: 0, edges: 0 };
  try {
    const page = `${url}/lineage?type=${pick.origin.type}&id=${pick.origin.id}&direction=${pick.direction}&depth=20&fields=1`;
    for (let i = 0; i < reps + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 950 } });
      const tab = await context.newPage();
      await tab.goto(page);
      // Drawn, or an error shown (e.g. the lineage ran past the service's time budget).
      await tab.waitForFunction('document.body.dataset.lineageRendered === "1" || document.querySelector("p.error")', undefined, { timeout: 300_000 });
      const error = await tab.locator('p.error').first().textContent({ timeout: 1 }).catch(() => null);
      if (error) { log(`ui: not measured, the page could not draw the lineage: ${error}`); return null; }
      const info = await tab.evaluate<{ nodes: number; edges: number; layoutMs: number; at: number }>('window.modelgraphLineageRender');
      await context.close();
      if (i === 0) continue; // the first page warms the service's and the browser's caches
      first.push(info.at);
      layout.push(info.layoutMs);
      drawn = { nodes: info.nodes, edges: info.edges };
    }
  } finally {
    await browser.close();
  }
  return { what: `${pick.direction.toLowerCase()} lineage of a ${pick.origin.type}`, origin: pick.origin, ...drawn, firstRender: summarize(first), layout: summarize(layout) };
}
