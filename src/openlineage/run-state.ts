import { EventType, Facets } from './event.types';
import { OutputDeclaration, RunUpdate } from './lineage-plan.types';

/**
 * The run state machine. Events may arrive late, twice or out of order, so the stored state is
 * a function of the set of events seen, not of their order: the state with the highest rank wins
 * (OTHER or no eventType < START < RUNNING < COMPLETE/ABORT/FAIL), so a late START never
 * overwrites a terminal state; between terminal events the later eventTime wins.
 */
const TERMINAL: EventType[] = ['COMPLETE', 'ABORT', 'FAIL'];

export function stateRank(state: EventType | null | undefined): number {
  if (state === 'START') return 1;
  if (state === 'RUNNING') return 2;
  if (state && TERMINAL.includes(state)) return 3;
  return 0;
}

export interface StoredRun {
  state: EventType;
  startedAt: Date | null;
  endedAt: Date | null;
  facets: Facets;
  declaredOutputs: OutputDeclaration[];
}

export function nextRun(stored: StoredRun | null, update: RunUpdate, outputs: OutputDeclaration[]): StoredRun {
  const incoming = update.eventType ?? 'OTHER';
  const current = stored ?? { state: 'OTHER' as EventType, startedAt: null, endedAt: null, facets: {}, declaredOutputs: [] };
  const takesOver = wins(incoming, update.eventTime, current.state, current.endedAt);
  const startish = incoming === 'START' || incoming === 'RUNNING';
  return {
    state: takesOver ? incoming : current.state,
    // The earliest START (or RUNNING, when START never came) is when the run started.
    startedAt: startish ? earliest(current.startedAt, update.eventTime) : current.startedAt,
    endedAt: takesOver && TERMINAL.includes(incoming) ? update.eventTime : current.endedAt,
    facets: mergeFacets(current.facets, update.facets),
    declaredOutputs: mergeDeclarations(current.declaredOutputs, outputs),
  };
}

function wins(incoming: EventType, at: Date, current: EventType, currentEnd: Date | null): boolean {
  const a = stateRank(incoming);
  const b = stateRank(current);
  if (a !== b) return a > b;
  if (a < 3) return false;
  const t = currentEnd?.getTime() ?? -Infinity;
  return at.getTime() > t || (at.getTime() === t && incoming > current); // ties broken by name: order-free
}

function earliest(a: Date | null, b: Date): Date {
  return a && a.getTime() <= b.getTime() ? a : b;
}

/** Facets by name; the newer one replaces the older, and `_deleted: true` removes it (spec). */
export function mergeFacets(existing: Facets | null, incoming: Facets): Facets {
  const merged: Facets = { ...(existing ?? {}) };
  for (const [name, facet] of Object.entries(incoming)) {
    if (facet && (facet as { _deleted?: unknown })._deleted === true) delete merged[name];
    else merged[name] = facet;
  }
  return merged;
}

/** One declaration per dataset: the one from the higher-ranked event, then the later one. */
export function mergeDeclarations(existing: OutputDeclaration[], incoming: OutputDeclaration[]): OutputDeclaration[] {
  const byKey = new Map(existing.map((o) => [`${o.namespace}\u0000${o.name}`, o]));
  for (const o of incoming) {
    const key = `${o.namespace}\u0000${o.name}`;
    const prior = byKey.get(key);
    if (!prior || o.rank > prior.rank || (o.rank === prior.rank && o.at >= prior.at)) byKey.set(key, o);
  }
  return [...byKey.values()];
}
