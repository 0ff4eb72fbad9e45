import { History, HNode, HRel, Index } from './history';

/**
 * Shrinks a failing history: drops nodes (with what belongs to them: a dataset's versions, a
 * version's fields) and then relationships, in chunks of halving size (half, a quarter, ... one),
 * keeping every removal after which the case still fails. `fails` reloads the candidate and asks
 * again (it answers false once its time is up).
 */
export async function shrink(history: History, fails: (h: History) => Promise<boolean>): Promise<History> {
  let current = history;
  const pass = async (items: (h: History) => unknown[], without: (h: History, drop: Set<unknown>) => History) => {
    for (let size = Math.max(1, Math.floor(items(current).length / 2)); size >= 1; size = size === 1 ? 0 : Math.max(1, Math.floor(size / 2))) {
      for (let start = 0; start < items(current).length; start += size) {
        const candidate = without(current, new Set(items(current).slice(start, start + size)));
        if (await fails(candidate)) { current = candidate; start -= size; }
      }
    }
  };
  await pass((h) => h.nodes, (h, drop) => withoutNodes(h, new Set([...drop].map((n) => (n as HNode).id))));
  // A version's VERSION_OF, a field's HAS_FIELD and a run's RUN_OF name it (its label): they go with their node only.
  const optional = (h: History) => h.rels.filter((r) => !['VERSION_OF', 'HAS_FIELD', 'RUN_OF'].includes(r.type));
  await pass(optional, (h, drop) => ({ ...h, rels: h.rels.filter((r) => !drop.has(r)) }));
  return current;
}

function withoutNodes(h: History, ids: Set<string>): History {
  const gone = new Set(ids);
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
