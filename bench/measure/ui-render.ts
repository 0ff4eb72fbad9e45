import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { GeneratedGraph } from '../generate';
import { gql } from '../http';
import { Random } from '../random';
import { Latency, summarize } from '../stats';
import { candidateOrigins, Origin } from './traversals';

const CHROMIUM = '/usr/bin/chromium';
const TARGET_NODES = 1000;
const LINEAGE_SIZE = `query($node: NodeRef!) { lineage(node: $node, direction: DOWNSTREAM, depth: 20) { truncated nodes { id } } }`;

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
 * Time to first render of a ~1,000-node lineage in the web UI: the downstream lineage of the
 * candidate origin nearest 1,000 nodes, opened in headless Chromium (Debian's package, as the
 * browser tests use) `reps` times, each in a fresh page. Null, with the reason logged, without Chromium.
 */
export async function measureUiRender(url: string, graph: GeneratedGraph, reps: number, rnd: Random, log: (m: string) => void): Promise<UiRenderCase | null> {
  if (!fs.existsSync(CHROMIUM)) { log(`ui: skipped, no ${CHROMIUM} (sh scripts/setup-debian.sh installs it)`); return null; }
  const sized: { origin: Origin; nodes: number }[] = [];
  for (const origin of candidateOrigins(graph, 'impact', rnd).slice(0, 20)) {
    // A lineage past the service's time budget or node limit is no candidate: the page could not draw it either.
    const answer = await gql<{ lineage: { truncated: boolean; nodes: unknown[] } }>(url, LINEAGE_SIZE, { node: origin }).catch(() => null);
    if (answer && !answer.data.lineage.truncated) sized.push({ origin, nodes: answer.data.lineage.nodes.length });
  }
  const pick = sized.sort((a, b) => Math.abs(a.nodes - TARGET_NODES) - Math.abs(b.nodes - TARGET_NODES))[0];
  if (!pick) { log('ui: skipped, no lineage to draw'); return null; }
  log(`ui: lineage of ${pick.origin.type} with ${pick.nodes} nodes (nearest ${TARGET_NODES} of ${sized.length} candidates)`);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-dev-shm-usage', '--disable-gpu'] });
  const first: number[] = [];
  const layout: number[] = [];
  let drawn = { nodes: 0, edges: 0 };
  try {
    const page = `${url}/lineage?type=${pick.origin.type}&id=${pick.origin.id}&direction=DOWNSTREAM&depth=20&fields=1`;
    for (let i = 0; i < reps + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 950 } });
      const tab = await context.newPage();
      await tab.goto(page);
      await tab.waitForFunction('document.body.dataset.lineageRendered === "1"', undefined, { timeout: 300_000 });
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
  return { what: `downstream lineage of a ${pick.origin.type}`, origin: pick.origin, ...drawn, firstRender: summarize(first), layout: summarize(layout) };
}
