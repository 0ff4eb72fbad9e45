/** Plain-text rendering for the terminal: aligned columns, no colours (output is often piped or logged). */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  return cells.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ')).join('\n');
}

export interface ImpactData {
  origin: { type: string; label: string };
  origins: { type: string; label: string }[];
  asOf: string | null;
  knownAt: string | null;
  depth: number;
  truncated: boolean;
  items: { node: { type: string; label: string }; distance: number; truncated: boolean; paths: unknown[];
           serving: { deployment: string; environment: string | null; trafficShare: number | null; ensemble: string | null }[] }[];
  summary: { total: number; servedDeployments: { name: string; environment: string | null; via: string[] }[] };
}

export function impactReport(r: ImpactData): string {
  const known = r.knownAt ? `, as known at ${r.knownAt}` : '';
  const lines = [`Impact of ${originsText(r.origins)} (as of ${r.asOf ?? 'now'}${known}, depth ${r.depth}): ${r.summary.total} affected`];
  if (r.items.length) {
    lines.push('', table(['DIST', 'TYPE', 'NODE', 'PATHS', 'SERVED BY'], r.items.map((i) => [
      i.distance, i.node.type, i.node.label, `${i.paths.length}${i.truncated ? '+' : ''}`,
      i.serving.map((s) => `${s.deployment}${s.ensemble ? ` via ${s.ensemble}` : ''}`).join(', '),
    ])));
  }
  const served = r.summary.servedDeployments;
  lines.push('', served.length ? `Served deployments affected (${served.length}):` : 'No served deployment is affected.');
  for (const d of served) lines.push(`  ${d.name} (${d.environment ?? 'no environment'}) through ${d.via.join(', ')}`);
  if (r.truncated) lines.push('', 'Note: the traversal hit its node limit; the list is incomplete.');
  return lines.join('\n');
}

/** "FIELD a/b@v2.x, a/b@v1.x": the origins, of one type. */
export function originsText(origins: { type: string; label: string }[]): string {
  return `${origins[0]?.type ?? ''} ${origins.map((o) => o.label).join(', ')}`;
}

export interface GraphData { origin: { label: string }; nodes: { id: string; type: string; label: string }[]; edges: { from: string; to: string; type: string }[] }

export function lineageReport(g: GraphData): string {
  const label = new Map(g.nodes.map((n) => [n.id, n.label]));
  return [
    `Lineage of ${g.origin.label}: ${g.nodes.length} nodes, ${g.edges.length} edges`, '',
    table(['TYPE', 'NODE'], g.nodes.map((n) => [n.type, n.label])), '',
    table(['FROM', 'RELATIONSHIP', 'TO'], g.edges.map((e) => [label.get(e.from) ?? e.from, e.type, label.get(e.to) ?? e.to])),
  ].join('\n');
}

/** Graphviz DOT, for `modelgraph lineage ... --dot | dot -Tsvg`. */
export function lineageDot(g: GraphData): string {
  const q = (s: string) => JSON.stringify(s);
  return ['digraph lineage {', '  rankdir=LR;',
    ...g.nodes.map((n) => `  ${q(n.id)} [label=${q(`${n.label}\n${n.type}`)}];`),
    ...g.edges.map((e) => `  ${q(e.from)} -> ${q(e.to)} [label=${q(e.type)}];`), '}'].join('\n');
}
