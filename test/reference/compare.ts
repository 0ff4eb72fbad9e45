import * as A from './answers';
import { History, Index } from './history';
import { Ask, Capabilities, originsOf } from './questions';
import { MAX_PATHS, ServiceAnswer, ServiceImpact } from './service';

/** The service's defaults when a question leaves depth out. */
const DEFAULT_DEPTH = { impact: 10, provenance: 20, lineage: 10 };

/** The reference's answer to a question on a history (null when the reference names no origin). */
export function referenceAnswer(history: History, ask: Ask, caps: Capabilities): A.ImpactAnswer | A.ProvenanceAnswer | A.LineageAnswer | null {
  const g = new Index(history);
  const when = { asOf: ask.asOf, knownAt: ask.knownAt, now: Date.now() };
  const origins = originsOf(g, ask.ref, when);
  if (!origins.length) return null;
  const q: A.Question = {
    kind: ask.kind, origins, when, depth: ask.depth ?? DEFAULT_DEPTH[ask.kind], maxPaths: MAX_PATHS, servedOnly: ask.servedOnly, direction: ask.direction,
  };
  return ask.kind === 'impact' ? A.impact(g, q, caps.contract) : ask.kind === 'provenance' ? A.provenance(g, q, caps.contract) : A.lineage(g, q, caps.contract);
}

/** The differences between the reference's answer and the service's, one line each ([] when they agree). */
export function diff(expected: object, actual: ServiceAnswer): string[] {
  const out: string[] = [];
  if (actual.truncated) out.push('service says truncated (node limit) on a small graph');
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'items') continue;
    const got = (actual as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) out.push(...listDiff(key, value as string[], got as string[]));
    else if (value !== got) out.push(`${key}: expected ${String(value)}, got ${String(got)}`);
  }
  if ('items' in expected) out.push(...itemsDiff((expected as A.ImpactAnswer).items, actual as ServiceImpact));
  return out;
}

function listDiff(what: string, expected: string[], actual: string[]): string[] {
  const missing = expected.filter((x) => !actual.includes(x));
  const extra = actual.filter((x) => !expected.includes(x));
  return [...missing.map((x) => `${what}: missing ${x}`), ...extra.map((x) => `${what}: unexpected ${x}`)];
}

function itemsDiff(expected: Record<string, A.ImpactItemAnswer>, actual: ServiceImpact): string[] {
  const out: string[] = [];
  for (const id of Object.keys(actual.items)) if (!expected[id]) out.push(`item: unexpected ${id} (distance ${actual.items[id].distance})`);
  for (const [id, e] of Object.entries(expected)) {
    const a = actual.items[id];
    if (!a) { out.push(`item: missing ${id} (distance ${e.distance})`); continue; }
    if (a.label !== e.label) out.push(`item ${id}: label expected ${e.label}, got ${a.label}`);
    if (a.distance !== e.distance) out.push(`item ${id}: distance expected ${e.distance}, got ${a.distance}`);
    if (a.served !== e.served) out.push(`item ${id}: served expected ${e.served}, got ${a.served}`);
    out.push(...listDiff(`item ${id} serving`, e.serving, a.serving));
    if (e.paths.length <= MAX_PATHS && !actual.pathsTruncated.has(id)) out.push(...listDiff(`item ${id} paths`, e.paths, a.paths));
    else if (e.paths.length > MAX_PATHS && !actual.pathsTruncated.has(id)) out.push(`item ${id}: ${e.paths.length} paths, not flagged truncated`);
    else out.push(...a.paths.filter((p) => !e.paths.includes(p)).map((p) => `item ${id} paths: unexpected ${p}`));
  }
  return out;
}
