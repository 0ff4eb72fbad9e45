import { createHash } from 'node:crypto';
import { Facets } from './event.types';

/**
 * Facets of a job, dataset or run as the events seen so far leave them, whatever order they came
 * in: per facet name, the event with the later eventTime wins, not the later arrival. `times`
 * keeps, per name, the stamp of the winning event (also for a facet removed with `_deleted`, so an
 * older event arriving later cannot bring it back). A stamp is the eventTime (ISO, which sorts as
 * text) and a hash of the facet: of two events at the same instant the larger hash wins, so even a
 * tie does not depend on the order of arrival.
 */
export type FacetTimes = Record<string, string>;
export interface FacetState { facets: Facets; times: FacetTimes }

export function mergeFacets(existing: FacetState | null, incoming: Facets, at: Date): FacetState {
  const facets: Facets = { ...(existing?.facets ?? {}) };
  const times: FacetTimes = { ...(existing?.times ?? {}) };
  for (const [name, facet] of Object.entries(incoming)) {
    const stamp = `${at.toISOString()}|${hash(facet)}`;
    // A facet stored before stamps were kept has none: any event replaces it.
    if (times[name] !== undefined && times[name] > stamp) continue;
    times[name] = stamp;
    if (facet && (facet as { _deleted?: unknown })._deleted === true) delete facets[name];
    else facets[name] = facet;
  }
  return { facets, times };
}

/** A facet state back from its stored JSON properties (absent: nothing stored yet). */
export function facetState(facets: string | null | undefined, times: string | null | undefined): FacetState | null {
  if (typeof facets !== 'string') return null;
  return { facets: JSON.parse(facets) as Facets, times: typeof times === 'string' ? (JSON.parse(times) as FacetTimes) : {} };
}

function hash(facet: unknown): string {
  return createHash('sha1').update(JSON.stringify(facet) ?? 'null').digest('hex').slice(0, 16);
}
