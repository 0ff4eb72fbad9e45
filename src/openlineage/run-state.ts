import { isTerminal, transition } from '../run/run-state-machine';
import { EventType, Facets } from './event.types';
import { FacetTimes, mergeFacets } from './facet-merge';
import { OutputDeclaration, RunUpdate } from './lineage-plan.types';

/**
 * A run as OpenLineage events leave it. Events may arrive late, twice or out of order, so the
 * stored run is a function of the set of events seen, not of their order: the state follows the
 * run state machine (src/run/run-state-machine.ts) with each event's eventTime, facets (by
 * eventTime, facet-merge.ts) and output declarations merge in an order-free way.
 */
export interface StoredRun {
  state: EventType;
  startedAt: Date | null;
  endedAt: Date | null;
  facets: Facets;
  facetTimes: FacetTimes;
  declaredOutputs: OutputDeclaration[];
}

export function nextRun(stored: StoredRun | null, update: RunUpdate, outputs: OutputDeclaration[]): StoredRun {
  const incoming = update.eventType ?? 'OTHER';
  const current = stored ?? { state: 'OTHER' as EventType, startedAt: null, endedAt: null, facets: {}, facetTimes: {}, declaredOutputs: [] };
  const step = transition({ state: current.state, at: current.endedAt }, { state: incoming, at: update.eventTime });
  const startish = incoming === 'START' || incoming === 'RUNNING';
  return {
    state: step.state,
    // The earliest START (or RUNNING, when START never came) is when the run started.
    startedAt: startish ? earliest(current.startedAt, update.eventTime) : current.startedAt,
    endedAt: step.advanced && isTerminal(incoming) ? update.eventTime : current.endedAt,
    ...facetsOf(mergeFacets({ facets: current.facets, times: current.facetTimes }, update.facets, update.eventTime)),
    declaredOutputs: mergeDeclarations(current.declaredOutputs, outputs),
  };
}

function earliest(a: Date | null, b: Date): Date {
  return a && a.getTime() <= b.getTime() ? a : b;
}

const facetsOf = (state: { facets: Facets; times: FacetTimes }) => ({ facets: state.facets, facetTimes: state.times });

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
