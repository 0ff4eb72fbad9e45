import { FoldedBatch, sortBy } from './batch-fold';
import { newer, ranksBefore, readKey, ReplayedVersions, runDatasetKey, StoredVersions, Version, versionKey } from './batch-versions';
import { FieldSpec } from './lineage-plan.types';
import { INITIAL_VERSION, VersionWrite } from './lineage-write';

/**
 * Which version each event of a batch READ, wrote and linked column lineage to depends on what the
 * events before it did (a run reads the version another run of the batch wrote earlier), so it is
 * worked out here, event by event in memory, as the one-by-one statements chose it. The result
 * names every version, so each kind of write is then one statement over the whole batch.
 */
export type EdgeRow = FoldedBatch['runEvents'][number]['columnLineage'][number] & { inputVersion: string };
export interface VersionRows {
  versions: (VersionWrite & { runId: string })[];
  placeholders: { namespace: string; name: string; createdAt: Date; fields: FieldSpec[] }[];
  reads: { runId: string; namespace: string; name: string; version: string }[];
  edges: EdgeRow[];
  /** versionKey → id of the stored versions; write-versions and write-placeholders return the others'. */
  ids: Map<string, string>;
}

export function replayVersions(batch: FoldedBatch, stored: StoredVersions): VersionRows {
  const known = new ReplayedVersions(stored);
  const written = new Map<string, VersionRows['versions'][number]>();
  const reads = new Map<string, VersionRows['reads'][number]>();
  const edges = new Map<string, EdgeRow>();
  for (const { run: { runId }, reads: inputs, versions, columnLineage } of batch.runEvents) {
    // Reads: the version current at the input's time; else the oldest; else a placeholder.
    for (const input of inputs) {
      // Other stored versions rank below the stored choices, but for placeholders (their createdAt
      // may have moved earlier in the batch); the versions the batch created compete too.
      const candidates = [...(stored.reads.get(readKey({ runId, ...input })) ?? []).map((c) => known.known(input.namespace, input.name, c)),
        ...[...known.of(input.namespace, input.name).values()].filter((v) => v.contentHash === null || !v.stored)]
        .filter((v) => !v.writers.has(runId));
      const at = input.at.getTime();
      const v = candidates.reduce<Version | undefined>((best, c) => (!best || ranksBefore(c, best, at) ? c : best), undefined)
        ?? known.known(input.namespace, input.name, { version: INITIAL_VERSION, createdAt: input.at, contentHash: null, fields: [] });
      reads.set(`${runDatasetKey({ runId, ...input })}\u0000${v.version}`, { runId, namespace: input.namespace, name: input.name, version: v.version });
      const read = known.readsOf({ runId, ...input });
      if (!read.includes(v)) read.push(v);
      if (v.contentHash !== null) continue;
      if (at < v.createdAt.getTime()) { v.createdAt = input.at; v.touched = true; }
      for (const f of input.fields) addField(v, f);
    }
    // Writes: the first write of a version creates it; fields only on the same content.
    for (const w of versions) {
      const v = known.known(w.namespace, w.name, { version: w.version, createdAt: w.createdAt, contentHash: w.contentHash, fields: w.fields.map((f) => f.name) });
      v.writers.add(runId);
      if (v.contentHash === w.contentHash) for (const f of w.fields) if (!v.fields.includes(f.name)) v.fields.push(f.name);
      const key = JSON.stringify([runId, w.namespace, w.name, w.version, w.contentHash]);
      if (!written.has(key)) written.set(key, { ...w, runId }); // a replayed event writes nothing new
    }
    // Column lineage: the output field on the version written, the input field on the newest version read.
    for (const e of columnLineage) {
      const out = known.of(e.outputNamespace, e.outputName).get(e.outputVersion);
      const input = known.readsOf({ runId, namespace: e.inputNamespace, name: e.inputName })
        .reduce<Version | undefined>((newest, v) => (!newest || newer(v, newest) ? v : newest), undefined);
      if (!out?.fields.includes(e.outputField) || !input) continue;
      if (input.contentHash === null) addField(input, { name: e.inputField, type: null, description: null, profile: null, position: input.fields.length });
      // The last event's transformation wins, as SET on the relationship did one by one.
      edges.set(JSON.stringify([e.outputNamespace, e.outputName, e.outputVersion, e.outputField, e.inputNamespace, e.inputName, input.version, e.inputField]), { ...e, inputVersion: input.version });
    }
  }
  const all = known.all();
  return {
    versions: sortBy([...written.values()], (v) => [v.namespace, v.name, v.version]),
    placeholders: sortBy(all.filter((v) => v.contentHash === null && v.touched)
      .map((v) => ({ namespace: v.namespace, name: v.name, createdAt: v.createdAt, fields: v.added })), (p) => [p.namespace, p.name]),
    reads: [...reads.values()],
    edges: [...edges.values()],
    ids: new Map(all.filter((v) => v.id).map((v) => [versionKey(v.namespace, v.name, v.version), v.id!])),
  };
}

/** A field a placeholder version did not have yet (MERGE ... ON CREATE, one by one). */
function addField(v: Version, f: FieldSpec): void {
  if (v.fields.includes(f.name)) return;
  v.fields.push(f.name);
  v.added.push(f);
  v.touched = true;
}

/** READ and DERIVED_FROM rows by version id, sorted (lock order), once every version's id is known. */
export function linkRows(rows: VersionRows, ids: Map<string, string>) {
  const reads = rows.reads.flatMap((r) => {
    const versionId = ids.get(versionKey(r.namespace, r.name, r.version));
    return versionId ? [{ runId: r.runId, versionId }] : [];
  });
  const links = new Map<string, { outputVersionId: string; inputVersionId: string; fields: { outputField: string; inputField: string; transformation: string | null; description: string | null }[] }>();
  for (const e of rows.edges) {
    const outputVersionId = ids.get(versionKey(e.outputNamespace, e.outputName, e.outputVersion));
    const inputVersionId = ids.get(versionKey(e.inputNamespace, e.inputName, e.inputVersion));
    if (!outputVersionId || !inputVersionId) continue;
    const key = `${outputVersionId} ${inputVersionId}`;
    if (!links.has(key)) links.set(key, { outputVersionId, inputVersionId, fields: [] });
    links.get(key)!.fields.push({ outputField: e.outputField, inputField: e.inputField, transformation: e.transformation, description: e.description });
  }
  return {
    reads: sortBy(reads, (r) => [r.runId, r.versionId]),
    links: sortBy([...links.values()], (l) => [l.outputVersionId, l.inputVersionId])
      .map((l) => ({ ...l, fields: sortBy(l.fields, (f) => [f.outputField, f.inputField]) })),
  };
}
