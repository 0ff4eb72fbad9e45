import { FoldedBatch } from './batch-fold';
import { FieldSpec } from './lineage-plan.types';
import { datasetKey } from './lineage-write';

/**
 * The dataset versions a batch's events read, write and link column lineage between, as replaying
 * the batch (batch-replay.ts) sees them: which to load (load-versions.cypher), and the in-memory
 * copy the replay changes as each event would have changed the graph.
 */
export interface StoredVersion { id: string; version: string; createdAt: Date; contentHash: string | null; fields: string[] | null }
type Keyed = { runId?: string; namespace: string; name: string };

export interface StoredVersions {
  /** By readKey: the stored versions the run would read at that time, before the batch, best first. */
  reads: Map<string, StoredVersion[]>;
  /** By runDatasetKey: the stored versions the run READ of that dataset. */
  runReads: Map<string, StoredVersion[]>;
  /** The stored versions among those the batch writes. */
  written: (StoredVersion & { namespace: string; name: string })[];
}

export const readKey = (r: Keyed & { at: Date }) => `${r.runId}\u0000${datasetKey(r.namespace, r.name)}\u0000${r.at.toISOString()}`;
export const runDatasetKey = (r: Keyed) => `${r.runId}\u0000${datasetKey(r.namespace, r.name)}`;
export const versionKey = (namespace: string, name: string, version: string) => `${datasetKey(namespace, name)}\u0000${version}`;

/** What load-versions.cypher is asked for. */
export function versionsToLoad(batch: FoldedBatch) {
  const reads = new Map<string, { runId: string; namespace: string; name: string; at: Date }>();
  const runReads = new Map<string, { runId: string; namespace: string; name: string }>();
  const written = new Map<string, { namespace: string; name: string; version: string }>();
  const writtenBy = new Map<string, Set<string>>(); // runDatasetKey → versions the run writes
  for (const { run: { runId }, reads: inputs, versions, columnLineage } of batch.runEvents) {
    for (const i of inputs) reads.set(readKey({ runId, ...i }), { runId, namespace: i.namespace, name: i.name, at: i.at });
    for (const v of versions) {
      written.set(versionKey(v.namespace, v.name, v.version), { namespace: v.namespace, name: v.name, version: v.version });
      const k = runDatasetKey({ runId, ...v });
      writtenBy.set(k, (writtenBy.get(k) ?? new Set()).add(v.version));
    }
    for (const e of columnLineage) runReads.set(runDatasetKey({ runId, namespace: e.inputNamespace, name: e.inputName }), { runId, namespace: e.inputNamespace, name: e.inputName });
  }
  // A run that reads a dataset it writes in the batch skips the versions it wrote before the
  // read: it needs one stored candidate more per version of that dataset it writes.
  const depth = 1 + Math.max(0, ...[...reads.values()].map((r) => writtenBy.get(runDatasetKey(r))?.size ?? 0));
  return { reads: [...reads.values()], runReads: [...runReads.values()], written: [...written.values()], depth };
}

/**
 * A version as the replay has got to it. `id` is null until the batch creates it; `fields` are
 * names in the order they were added (`added`: those the batch added to a placeholder);
 * `writers`: the runs of the batch that wrote it so far.
 */
export interface Version {
  namespace: string; name: string; version: string; id: string | null; createdAt: Date; contentHash: string | null;
  fields: string[]; stored: boolean; writers: Set<string>; added: FieldSpec[]; touched: boolean;
}
type NewVersion = Pick<Version, 'version' | 'createdAt' | 'contentHash' | 'fields'>;

/** One object per version, made on first sight, so a change (a lowered createdAt, a field) is seen by every later event. */
export class ReplayedVersions {
  private readonly byDataset = new Map<string, Map<string, Version>>();
  private readonly runReads = new Map<string, Version[]>();

  constructor(private readonly stored: StoredVersions) {
    for (const s of stored.written) this.known(s.namespace, s.name, s);
  }

  of(namespace: string, name: string): Map<string, Version> {
    const k = datasetKey(namespace, name);
    if (!this.byDataset.has(k)) this.byDataset.set(k, new Map());
    return this.byDataset.get(k)!;
  }

  /** A stored version, or (created) a new one. */
  known(namespace: string, name: string, s: StoredVersion | NewVersion): Version {
    const all = this.of(namespace, name);
    const stored = 'id' in s;
    const v = all.get(s.version) ?? {
      namespace, name, version: s.version, id: stored ? s.id : null, createdAt: s.createdAt, contentHash: s.contentHash,
      fields: s.fields ?? [], stored, writers: new Set<string>(), added: [], touched: !stored && s.contentHash === null,
    };
    all.set(s.version, v);
    return v;
  }

  /** The versions a run has READ of a dataset: stored, then read in the batch so far. */
  readsOf(key: Keyed): Version[] {
    const k = runDatasetKey(key);
    if (!this.runReads.has(k)) this.runReads.set(k, (this.stored.runReads.get(k) ?? []).map((s) => this.known(key.namespace, key.name, s)));
    return this.runReads.get(k)!;
  }

  all(): Version[] {
    return [...this.byDataset.values()].flatMap((versions) => [...versions.values()]);
  }
}

/**
 * load-versions.cypher's order: created at or before `at` first, newest first; then the oldest;
 * versions created at the same time by name, so the choice never depends on storage order.
 */
export function ranksBefore(a: Version, b: Version, at: number): boolean {
  const ta = a.createdAt.getTime();
  const tb = b.createdAt.getTime();
  if ((ta <= at) !== (tb <= at)) return ta <= at;
  if (ta !== tb) return ta <= at ? ta > tb : ta < tb;
  return a.version < b.version;
}

/** The newest version (then the first by name) of those a run read: where its column lineage points. */
export function newer(a: Version, b: Version): boolean {
  return a.createdAt.getTime() !== b.createdAt.getTime() ? a.createdAt > b.createdAt : a.version < b.version;
}
