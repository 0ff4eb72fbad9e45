import { FoldedBatch, sortBy } from './batch-fold';
import { newer, ranksBefore, readKey, ReplayedVersions, runDatasetKey, StoredVersions, Version, versionKey } from './batch-versions';
import { FieldSpec } from './lineage-plan.types';
import { datasetKey, INITIAL_VERSION, VersionWrite } from './lineage-write';

/**
 * Which version each run READ, and where its column lineage points, is a function of the events
 * seen, not of their order: at each time a run read a dataset (the eventTime of each event listing
 * it as input), the version current then (the newest created at or before it, not written by the
 * run; else the oldest; else, while the dataset has no real version, its placeholder). A version
 * arriving late re-binds the runs it is now current for: their old READ is withdrawn (retractedAt),
 * a new one recorded, and column lineage follows the newest version read. Worked out here in
 * memory from what load-versions.cypher loaded, so each kind of write is one statement.
 */
export type EdgeRow = FoldedBatch['runEvents'][number]['columnLineage'][number] & { inputVersion: string };
type Ref = { namespace: string; name: string; version: string };
export interface VersionRows {
  versions: (VersionWrite & { runId: string | null })[];
  placeholders: { namespace: string; name: string; createdAt: Date; fields: FieldSpec[] }[];
  /** READs to create, or whose times change. */
  reads: (Ref & { runId: string; at: Date[] })[];
  /** READs withdrawn. */
  retracted: (Ref & { runId: string })[];
  /** Runs whose newest version read of a dataset changed: their column lineage moves. */
  relinks: { runId: string; from: Ref; to: Ref }[];
  edges: EdgeRow[];
  /** versionKey → id of the stored versions; write-versions and write-placeholders return the others'. */
  ids: Map<string, string>;
}

export function replayVersions(batch: FoldedBatch, stored: StoredVersions): VersionRows {
  const known = new ReplayedVersions(stored);
  const written = new Map<string, VersionRows['versions'][number]>();
  // Writes: the first write of a version creates it; fields only on the same content.
  const write = (runId: string | null, w: VersionWrite) => {
    const v = known.known(w.namespace, w.name, { version: w.version, createdAt: w.createdAt, contentHash: w.contentHash, fields: w.fields.map((f) => f.name) });
    if (runId) v.writers.add(runId);
    v.fresh = true;
    if (v.contentHash === w.contentHash) for (const f of w.fields) if (!v.fields.includes(f.name)) v.fields.push(f.name);
    const key = JSON.stringify([runId, w.namespace, w.name, w.version, w.contentHash]);
    if (!written.has(key)) written.set(key, { ...w, runId }); // a replayed event writes nothing new
  };
  for (const e of batch.runEvents) for (const w of e.versions) write(e.run.runId, w);
  for (const w of batch.schemaVersions) write(null, w);

  // The times each (run, dataset) pair read at: stored with the version they were bound to, and the batch's.
  const pairs = new Map<string, { runId: string; namespace: string; name: string; times: Map<string, { at: Date; bound: Version | null; fields: FieldSpec[] }> }>();
  const pair = (runId: string, namespace: string, name: string) => {
    const k = runDatasetKey({ runId, namespace, name });
    if (!pairs.has(k)) pairs.set(k, { runId, namespace, name, times: new Map() });
    return pairs.get(k)!;
  };
  for (const [k, reads] of stored.runReads) {
    const [runId] = k.split('\u0000');
    const p = pair(runId, nsOf(k).namespace, nsOf(k).name);
    for (const r of reads) {
      const v = known.known(p.namespace, p.name, r.version);
      for (const at of r.at ?? []) p.times.set(at.toISOString(), { at, bound: v, fields: [] });
    }
  }
  for (const { run: { runId }, reads, columnLineage } of batch.runEvents) {
    for (const i of reads) {
      const p = pair(runId, i.namespace, i.name);
      const prior = p.times.get(i.at.toISOString());
      p.times.set(i.at.toISOString(), { at: i.at, bound: prior?.bound ?? null, fields: [...(prior?.fields ?? []), ...i.fields] });
    }
    for (const e of columnLineage) pair(runId, e.inputNamespace, e.inputName);
  }

  const out: Pick<VersionRows, 'reads' | 'retracted' | 'relinks'> = { reads: [], retracted: [], relinks: [] };
  const newestRead = new Map<string, Version>();
  for (const [k, p] of pairs) {
    const fresh = [...known.of(p.namespace, p.name).values()].filter((v) => v.fresh && v.contentHash !== null);
    const bound = new Map<Version, Date[]>();
    for (const t of p.times.values()) {
      const candidates = [...(t.bound && t.bound.contentHash !== null ? [t.bound] : []), ...fresh,
        ...(stored.reads.get(readKey({ runId: p.runId, namespace: p.namespace, name: p.name, at: t.at })) ?? []).map((s) => known.known(p.namespace, p.name, s))]
        .filter((v) => v.contentHash !== null && !v.writers.has(p.runId));
      const at = t.at.getTime();
      const v = candidates.reduce<Version | undefined>((best, c) => (!best || ranksBefore(c, best, at) ? c : best), undefined)
        ?? placeholder(known, stored, p, t.at);
      if (v.contentHash === null) for (const f of t.fields) addField(v, f);
      bound.set(v, [...(bound.get(v) ?? []), t.at]);
    }
    const before = stored.runReads.get(k) ?? [];
    const beforeVersions = before.map((r) => known.known(p.namespace, p.name, r.version));
    for (const [i, r] of before.entries()) {
      if (r.at === null) bound.set(beforeVersions[i], bound.get(beforeVersions[i]) ?? []); // kept as it was
      else if (!bound.has(beforeVersions[i])) out.retracted.push({ runId: p.runId, ...ref(beforeVersions[i]) });
    }
    for (const [v, times] of bound) {
      const i = beforeVersions.indexOf(v);
      const at = sortBy(times, (d) => [d.toISOString()]);
      if (i >= 0 && (before[i].at === null || sameTimes(before[i].at!, at))) continue;
      out.reads.push({ runId: p.runId, ...ref(v), at });
    }
    const newestBefore = newestOf(beforeVersions);
    const newestAfter = newestOf([...bound.keys()]);
    if (newestAfter) newestRead.set(k, newestAfter);
    if (newestBefore && newestAfter && newestBefore !== newestAfter) out.relinks.push({ runId: p.runId, from: ref(newestBefore), to: ref(newestAfter) });
  }

  // Column lineage: the output field on the version written, the input field on the newest version read.
  const edges = new Map<string, EdgeRow>();
  for (const { run: { runId }, columnLineage } of batch.runEvents) {
    for (const e of columnLineage) {
      const output = known.of(e.outputNamespace, e.outputName).get(e.outputVersion);
      const input = newestRead.get(runDatasetKey({ runId, namespace: e.inputNamespace, name: e.inputName }));
      if (!output?.fields.includes(e.outputField) || !input) continue;
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
    ...out,
    edges: [...edges.values()],
    ids: new Map(all.filter((v) => v.id).map((v) => [versionKey(v.namespace, v.name, v.version), v.id!])),
  };
}

const ref = (v: Version): Ref => ({ namespace: v.namespace, name: v.name, version: v.version });
const sameTimes = (a: Date[], b: Date[]) => a.length === b.length && a.every((d, i) => d.getTime() === b[i].getTime());
const newestOf = (versions: Version[]) => versions.reduce<Version | undefined>((n, v) => (!n || newer(v, n) ? v : n), undefined);

/** The (namespace, name) part of a runDatasetKey. */
function nsOf(k: string): { namespace: string; name: string } {
  const [, namespace, name] = k.split('\u0000');
  return { namespace, name };
}

/** The dataset's placeholder version (loaded or new); its createdAt is the earliest time it was read at. */
function placeholder(known: ReplayedVersions, stored: StoredVersions, d: { namespace: string; name: string }, at: Date): Version {
  const loaded = stored.placeholders.get(datasetKey(d.namespace, d.name));
  const v = known.known(d.namespace, d.name, loaded ?? { version: INITIAL_VERSION, createdAt: at, contentHash: null, fields: [] });
  if (at < v.createdAt) { v.createdAt = at; v.touched = true; }
  return v;
}

/** A field a placeholder version did not have yet (MERGE ... ON CREATE). */
function addField(v: Version, f: FieldSpec): void {
  if (v.fields.includes(f.name)) return;
  v.fields.push(f.name);
  v.added.push({ ...f, position: v.fields.length - 1 });
  v.touched = true;
}

/** READ, retraction, relink and DERIVED_FROM rows by version id, sorted (lock order), once every version's id is known. */
export function linkRows(rows: VersionRows, ids: Map<string, string>) {
  const id = (r: Ref) => ids.get(versionKey(r.namespace, r.name, r.version));
  const reads = rows.reads.flatMap((r) => (id(r) ? [{ runId: r.runId, versionId: id(r)!, at: r.at }] : []));
  const retracted = rows.retracted.flatMap((r) => (id(r) ? [{ runId: r.runId, versionId: id(r)! }] : []));
  const relinks = rows.relinks.flatMap((r) => (id(r.from) && id(r.to) ? [{ runId: r.runId, fromVersionId: id(r.from)!, toVersionId: id(r.to)! }] : []));
  type LinkField = { outputField: string; inputField: string; transformation: string | null; description: string | null; transformations: string };
  const links = new Map<string, { outputVersionId: string; inputVersionId: string; fields: LinkField[] }>();
  for (const e of rows.edges) {
    const outputVersionId = ids.get(versionKey(e.outputNamespace, e.outputName, e.outputVersion));
    const inputVersionId = ids.get(versionKey(e.inputNamespace, e.inputName, e.inputVersion));
    if (!outputVersionId || !inputVersionId) continue;
    const key = `${outputVersionId} ${inputVersionId}`;
    if (!links.has(key)) links.set(key, { outputVersionId, inputVersionId, fields: [] });
    links.get(key)!.fields.push({
      outputField: e.outputField, inputField: e.inputField, transformation: e.transformation, description: e.description, transformations: JSON.stringify(e.transformations ?? []),
    });
  }
  return {
    reads: sortBy(reads, (r) => [r.runId, r.versionId]),
    retracted: sortBy(retracted, (r) => [r.runId, r.versionId]),
    relinks: sortBy(relinks, (r) => [r.runId, r.fromVersionId]),
    links: sortBy([...links.values()], (l) => [l.outputVersionId, l.inputVersionId])
      .map((l) => ({ ...l, fields: sortBy(l.fields, (f) => [f.outputField, f.inputField]) })),
  };
}
