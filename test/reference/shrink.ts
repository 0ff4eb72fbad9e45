import { History, HNode, HRel, Index } from './history';

/**
 * Shrinks a failing history: drops nodes (with what belongs to them: a dataset's versions, a
 * version's fields) and relationships one at a time while the case still fails, until nothing
 * more can go. `fails` reloads the candidate and asks again; `budget` bounds the attempts.
 */
export async function shrink(history: History, fails: (h: History) => Promise<boolean>, budget = 300): Promise<History> {
  let current = history;
  let attempts = 0;
  let progress = true;
  while (progress && attempts < budget) {
    progress = false;
    for (const n of [...current.nodes].reverse()) {
      if (attempts >= budget || !current.nodes.includes(n)) continue;
      attempts++;
      const candidate = withoutNode(current, n.id);
      if (await fails(candidate)) { current = candidate; progress = true; }
    }
    for (const rel of [...current.rels].reverse()) {
      if (attempts >= budget) break;
      attempts++;
      const candidate = { ...current, rels: current.rels.filter((x) => x !== rel) };
      if (await fails(candidate)) { current = candidate; progress = true; }
    }
  }
  return current;
}

function withoutNode(h: History, id: string): History {
  const gone = new Set([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const n of h.nodes) if (n.parent && gone.has(n.parent) && !gone.has(n.id)) { gone.add(n.id); grew = true; }
  }
  return { ...h, nodes: h.nodes.filter((n) => !gone.has(n.id)), rels: h.rels.filter((r) => !gone.has(r.from) && !gone.has(r.to)) };
}

const day = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().replace(':00:00.000Z', 'h').replace('T00h', ''));

/** One line per node and relationship, with its times: what a failing case prints. */
export function describeHistory(h: History): string {
  const g = new Index(h);
  const node = (n: HNode) => `  ${n.id} ${n.type} ${g.label(n.id)} created ${day(n.createdAt)} recorded ${day(n.recordedAt)}`;
  const rel = (r: HRel) => `  ${r.from} -${r.type}-> ${r.to} recorded ${day(r.recordedAt)}` +
    (r.retractedAt !== null ? ` retracted ${day(r.retractedAt)}` : '') +
    (r.interval ? ` [${day(r.interval.from)}, ${day(r.interval.to)}) to recorded ${day(r.interval.toRecordedAt)}` : '') +
    (r.trafficShare !== undefined ? ` share ${r.trafficShare}` : '') + (r.weight !== undefined ? ` weight ${r.weight}` : '');
  return [`nodes (${h.nodes.length}):`, ...h.nodes.map(node), `relationships (${h.rels.length}):`, ...h.rels.map(rel)].join('\n');
}
