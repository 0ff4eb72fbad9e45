import { FoldedBatch } from './batch-fold';
import { FieldSpec } from './lineage-plan.types';
import { datasetKey, INITIAL_VERSION } from './lineage-write';

/**
 * The dataset versions a batch's events read, write and link column lineage between, as working
 * out the batch (batch-replay.ts) sees them: which to load (load-versions.cypher), and the
 * in-memory copy the replay changes.
 */
export interface StoredVersion { id: string; version: string; createdAt: Date; contentHash: string | null; fields: string[] | null }
/** A READ in force: the version, and the times it was current at (null: a READ from before times were kept). */
export interface StoredRead { version: StoredVersion; at: Date[] | null }
type Keyed = { runId?: string; namespace: string; name: string };

export interface StoredVersions {
  /** By readKey: the stored real versions the run would read at that time, best first. */
  reads: Map<string, StoredVersion[]>;
  /** By runDatasetKey: the READs in force of the run on that dataset. */
  runReads: Map<string, StoredRead[]>;
  /** By datasetKey: the dataset's placeholder version. */
  placeholders: Map<string, StoredVersion>;
  /** The stored versions among those the batch writes, with the runs that wrote them. */
  written: (StoredVersion & { namespace: string; name: string; writers: string[] })[];
}

export const readKey = (r: Keyed & { at: Date }) => `${r.runId}\u0000${datasetKey(r.namespace, r.name)}\u0000${r.at.toISOString()}`;
export const runDatasetKey = (r: Keyed) => `${r.runId}\u0000${datasetKey(r.namespace, r.name)}`;
export const versionKey = (namespace: string, name: string, version: string) => `${datasetKey(namespace, name)}\u0000${version}`;

/** What load-versions.cypher is asked for. */
export function versionsToLoad(batch: FoldedBatch) {
  const reads = new Map<string, { runId: string; namespace: string; name: string; at: Date }>();
  const pairs = new Map<string, { runId: string; namespace: string; name: string }>();
  const written = new Map<string, { namespace: string; name: string; version: string }>();
  const since = new Map<string, { namespace: string; name: string; since: Date }>();
  const writtenBy = new Map<string, Set<string>>(); // runDatasetKey → versions the run writes
  const write = (runId: string | null, v: { namespace: string; name: string; version: string; createdAt: Date }) => {
    written.set(versionKey(v.namespace, v.name, v.version), { namespace: v.namespace, name: v.name, version: v.version });
    const prior = since.get(datasetKey(v.namespace, v.name));
    if (!prior || v.createdAt < prior.since) since.set(datasetKey(v.namespace, v.name), { namespace: v.namespace, name: v.name, since: v.createdAt });
    if (runId === null) return;
    const k = runDatasetKey({ runId, ...v });
    writtenBy.set(k, (writtenBy.get(k) ?? new Set()).add(v.version));
  };
  for (const { run: { runId }, reads: inputs, versions, columnLineage } of batch.runEvents) {
    for (const i of inputs) {
      reads.set(readKey({ runId, ...i }), { runId, namespace: i.namespace, name: i.name, at: i.at });
      pairs.set(runDatasetKey({ runId, ...i }), { runId, namespace: i.namespace, name: i.name });
    }
    for (const v of versions) write(runId, v);
    for (const e of columnLineage) pairs.set(runDatasetKey({ runId, namespace: e.inputNamespace, name: e.inputName }), { runId, namespace: e.inputNamespace, name: e.inputName });
  }
  for (const v of batch.schemaVersions) write(null, v);
  // A run that reads a dataset it writes in the batch skips the versions it wrote: it needs one
  // stored candidate more per version of that dataset it writes.
  const depth = 1 + Math.max(0, ...[...reads.values()].map((r) => writtenBy.get(runDatasetKey(r))?.size ?? 0));
  const datasets = new Map([...reads.values()].map((r) => [datasetKey(r.namespace, r.name), { namespace: r.namespace, name: r.name }]));
  return {
    reads: [...reads.values()], pairs: [...pairs.values()], since: [...since.values()], datasets: [...datasets.values()],
    written: [...written.values()], initialVersion: INITIAL_VERSION, depth,
  };
}

/**
 * A version as the replay has got to it. `id` is null until the batch creates it; `fields` are
 * names in the order they were added (`added`: those the batch added to a placeholder);
 * `writers`: the runs that wrote it; `fresh`: the batch wrote it (it may re-bind readers).
 */
export interface Version {
  namespace: string; name: string; version: string; id: string | null; createdAt: Date; contentHash: string | null;
  fields: string[]; writers: Set<string>; added: FieldSpec[]; touched: boolean; fresh: boolean;
}
type NewVersion = Pick<Version, 'version' | 'createdAt' | 'contentHash' | 'fields'>;

/** One object per version, made on first sight, so a change (a lowered createdAt, a field) is seen everywhere. */
export class ReplayedVersions {
  private readonly byDataset = new Map<string, Map<string, Version>>();

  constructor(stored: StoredVersions) {
    for (const s of stored.written) this.known(s.namespace, s.name, s).writers = new Set(s.writers);
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
      fields: s.fields ?? [], writers: new Set<string>(), added: [], touched: !stored && s.contentHash === null, fresh: false,
    };
    all.set(s.version, v);
    return v;
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
