import { AppError } from '../common/errors';
import { alignTopValues, commonEdges, histogramOf, rebin } from './binning';
import { DistributionKind, FieldProfile, parseFieldProfile, profileKind } from './profile';
import { jensenShannon, ksFromHistograms, psi, wassersteinNormed } from './statistics';

/**
 * Compares the schemas and column profiles of two dataset versions. Pure: the service loads the
 * fields and hands them over, so the rules are testable without a database.
 */
export interface DiffField { name: string; type: string | null; profile: unknown }
export interface Thresholds { psi: number; js: number; wasserstein: number | null; ks: number | null }
export const DEFAULT_THRESHOLDS: Thresholds = { psi: 0.2, js: 0.1, wasserstein: null, ks: null };

/** How a field differs between two versions; drift.types.ts registers this object as the GraphQL enum. */
export const SchemaChangeKind = { ADDED: 'ADDED', REMOVED: 'REMOVED', TYPE_CHANGED: 'TYPE_CHANGED' } as const;
export type SchemaChangeKind = (typeof SchemaChangeKind)[keyof typeof SchemaChangeKind];
export interface SchemaChange { field: string; change: SchemaChangeKind; fromType: string | null; toType: string | null }

export interface FieldDrift {
  field: string;
  kind: DistributionKind | null;
  psi: number | null;
  jensenShannon: number | null;
  wasserstein: number | null;
  ks: number | null;
  nullShareFrom: number | null;
  nullShareTo: number | null;
  /** Null when the field could not be compared (see note). */
  drifted: boolean | null;
  note: string | null;
}

export interface DiffResult {
  schemaChanges: SchemaChange[];
  fields: FieldDrift[];
  comparedFields: number;
  driftedFields: number;
  /** driftedFields / comparedFields; null when no field could be compared. */
  driftedShare: number | null;
}

export function diffFields(from: DiffField[], to: DiffField[], thresholds: Thresholds = DEFAULT_THRESHOLDS): DiffResult {
  const before = new Map(from.map((f) => [f.name, f]));
  const after = new Map(to.map((f) => [f.name, f]));
  const schemaChanges: SchemaChange[] = [
    ...from.filter((f) => !after.has(f.name)).map((f) => change(f.name, 'REMOVED', f.type, null)),
    ...to.filter((f) => !before.has(f.name)).map((f) => change(f.name, 'ADDED', null, f.type)),
  ];
  const fields: FieldDrift[] = [];
  for (const b of to) {
    const a = before.get(b.name);
    if (!a) continue;
    if (typeChanged(a.type, b.type)) {
      schemaChanges.push(change(b.name, 'TYPE_CHANGED', a.type, b.type));
      fields.push(notCompared(b.name, `type changed from ${a.type} to ${b.type}; distributions not compared`));
      continue;
    }
    fields.push(compareProfiles(b.name, a.profile, b.profile, thresholds));
  }
  const compared = fields.filter((f) => f.drifted !== null);
  const drifted = compared.filter((f) => f.drifted).length;
  return { schemaChanges, fields, comparedFields: compared.length, driftedFields: drifted, driftedShare: compared.length ? drifted / compared.length : null };
}

export function compareProfiles(field: string, fromJson: unknown, toJson: unknown, t: Thresholds): FieldDrift {
  if (fromJson == null || toJson == null) return notCompared(field, `no profile on the ${fromJson == null ? 'from' : 'to'} version`);
  let a: FieldProfile;
  let b: FieldProfile;
  try {
    a = parseFieldProfile(fromJson, 'from.profile');
    b = parseFieldProfile(toJson, 'to.profile');
  } catch (e) {
    return notCompared(field, `invalid profile: ${e instanceof AppError ? e.message : String(e)}`);
  }
  const kind = profileKind(a);
  if (!kind || kind !== profileKind(b)) return notCompared(field, 'the profiles have no comparable distribution (histogram, quantiles or top values)');
  const drift: FieldDrift = {
    field, kind, psi: null, jensenShannon: null, wasserstein: null, ks: null,
    nullShareFrom: share(a.nulls, a.count), nullShareTo: share(b.nulls, b.count), drifted: null, note: null,
  };
  if (kind === 'NUMERIC') {
    const ha = histogramOf(a)!;
    const hb = histogramOf(b)!;
    const edges = commonEdges(ha, hb);
    const p = rebin(ha, edges);
    const q = rebin(hb, edges);
    Object.assign(drift, { psi: psi(p, q), jensenShannon: jensenShannon(p, q), wasserstein: wassersteinNormed(edges, p, q), ks: ksFromHistograms(p, q) });
  } else {
    const { p, q } = alignTopValues(a, b);
    if (p.length === 0) return notCompared(field, 'both profiles list no values');
    Object.assign(drift, { psi: psi(p, q), jensenShannon: jensenShannon(p, q) });
  }
  drift.drifted = drift.psi! >= t.psi || drift.jensenShannon! >= t.js
    || (t.wasserstein !== null && drift.wasserstein !== null && drift.wasserstein >= t.wasserstein)
    || (t.ks !== null && drift.ks !== null && drift.ks >= t.ks);
  return drift;
}

/** Types are compared case-insensitively; an unknown (null) type on either side is no change. */
function typeChanged(a: string | null, b: string | null): boolean {
  return a != null && b != null && a.trim().toLowerCase() !== b.trim().toLowerCase();
}

function change(field: string, kind: SchemaChangeKind, fromType: string | null, toType: string | null): SchemaChange {
  return { field, change: kind, fromType, toType };
}

function notCompared(field: string, note: string): FieldDrift {
  return { field, kind: null, psi: null, jensenShannon: null, wasserstein: null, ks: null, nullShareFrom: null, nullShareTo: null, drifted: null, note };
}

function share(part: number, total: number): number | null {
  return total > 0 ? part / total : null;
}
