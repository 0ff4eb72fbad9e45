import { randomUUID } from 'node:crypto';
import { Tx } from '../db/db';
import { RowOf } from '../db/query';
import * as Q from '../generated/cypher';
import { Facets } from './event.types';
import { entityKeys, FoldedBatch, StoredEntities, StoredNode } from './batch-fold';
import { linkRows, VersionRows } from './batch-replay';
import { readKey, runDatasetKey, StoredRead, StoredVersions, versionKey, versionsToLoad } from './batch-versions';
import { FacetTimes } from './facet-merge';
import { OutputDeclaration } from './lineage-plan.types';
import { datasetKey, INITIAL_VERSION } from './lineage-write';


/**
 * The only code that talks to Neo4j about OpenLineage events. A batch costs a constant number of
 * statements whatever its size: two reads of the stored state, then one UNWIND per kind of write
 * (READs withdrawn, READs made, column lineage moved and made: see batch-replay.ts).
 */
export class OpenLineageIngestRepository {
  async loadEntities(tx: Tx, keys: ReturnType<typeof entityKeys>): Promise<StoredEntities> {
    const row = await tx.one(Q.openlineageLoadBatch, { keys });
    const byKey = (rows: NodeRow[] = []) => new Map<string, StoredNode>(rows.map((n) => [datasetKey(n.namespace, n.name), {
      facets: n.facets, facetTimes: n.facetTimes, description: n.description, createdAt: n.createdAt, lineageAt: 'lineageAt' in n ? n.lineageAt : null,
    }]));
    return {
      runs: new Map((row?.runs ?? []).map((run) => [run.runId, {
        state: run.state, startedAt: run.startedAt, endedAt: run.endedAt,
        facets: parse<Facets>(run.facets) ?? {}, facetTimes: parse<FacetTimes>(run.facetTimes) ?? {}, declaredOutputs: parse<OutputDeclaration[]>(run.declaredOutputs) ?? [],
      }])),
      jobs: byKey(row?.jobs),
      datasets: byKey(row?.datasets),
    };
  }

  async loadVersions(tx: Tx, keys: ReturnType<typeof versionsToLoad>): Promise<StoredVersions> {
    const empty = { reads: new Map(), runReads: new Map(), placeholders: new Map(), written: [] };
    if (!keys.reads.length && !keys.pairs.length && !keys.written.length) return empty;
    const { initialVersion, depth, ...lists } = keys;
    const row = await tx.one(Q.openlineageLoadVersions, { keys: lists, initialVersion, depth });
    if (!row) return empty;
    const runReads = new Map<string, StoredRead[]>();
    for (const r of row.runReads) runReads.set(runDatasetKey(r), [...(runReads.get(runDatasetKey(r)) ?? []), { version: r.version, at: r.at }]);
    return {
      reads: new Map(row.reads.map((r) => [readKey(r), r.versions])),
      runReads,
      placeholders: new Map(row.placeholders.map((p) => [datasetKey(p.namespace, p.name), p.version])),
      written: row.written.map((w) => ({ ...w.version, namespace: w.namespace, name: w.name, writers: w.writers })),
    };
  }

  /**
   * Nodes first; then versions, whose ids the reads and column lineage after them are written by
   * (a run never reads its own output: the replay chose what it read). The statements of each step
   * are sent together: none needs another's answer, the driver pipelines them and Neo4j runs them in
   * the order sent, so a step costs one round trip, not one per statement. `after`: statements to
   * send with the last step (the raw events' store, the audit records), which need nothing of
   * these but the version ids. Returns the id of every version written or found (versionKey → id).
   *
   * The statements that only seek nodes by their keys run with `CYPHER replan=skip`: Neo4j replans
   * a cached statement when the counts it was planned with have drifted (they do all the time while
   * ingesting: new events, runs, fields), and a replan costs far more than running one event; for a
   * key seek the plan cannot get better. load-versions, which orders and filters versions, is replanned.
   */
  async write(tx: Tx, batch: FoldedBatch, versions: VersionRows, after: (tx: Tx, ids: Map<string, string>) => Promise<unknown> = async () => {}): Promise<Map<string, string>> {
    tx.reportChanged(batch.runs.map((r) => r.runId)); // the node upserts return no ids: the audit record names the runs
    const ids = new Map(versions.ids);
    const created = (rows: RowOf<typeof Q.openlineageWriteVersions>[]) => rows.forEach((v) => ids.set(versionKey(v.namespace, v.name, v.version), v.id));
    await Promise.all([
      batch.jobs.length && tx.run(Q.openlineageUpsertJobs, { jobs: batch.jobs }),
      batch.datasets.length && tx.run(Q.openlineageUpsertDatasets, { datasets: batch.datasets }),
      batch.runs.length && tx.run(Q.openlineageUpsertRuns, { runs: batch.runs }),
      batch.parents.length && tx.run(Q.openlineageLinkParents, { parents: batch.parents }),
      batch.jobLineage.length && tx.run(Q.openlineageDeclareJobLineage, { jobs: batch.jobLineage }),
      versions.versions.length && tx.run(Q.openlineageWriteVersions, { versions: versionRows(versions.versions) }).then(created),
      versions.placeholders.length && tx.run(Q.openlineageWritePlaceholders, { initialVersion: INITIAL_VERSION, placeholders: versions.placeholders }).then(created),
    ]);
    const { reads, retracted, relinks, links } = linkRows(versions, ids);
    await Promise.all([
      retracted.length && tx.run(Q.openlineageRetractReads, { reads: retracted }),
      reads.length && tx.run(Q.openlineageLinkReads, { reads }),
      relinks.length && tx.run(Q.openlineageRelinkColumns, { relinks }),
      links.length && tx.run(Q.openlineageLinkColumns, { links }),
      after(tx, ids),
    ]);
    return ids;
  }
}

/**
 * write-versions' rows: each with a new id (the version's, if that row creates it: its fields are
 * then created, not merged) and each field name once (the first, as MERGE would keep).
 */
function versionRows(rows: VersionRows['versions']) {
  return rows.map((v) => {
    const seen = new Set<string>();
    return { ...v, id: randomUUID(), fields: v.fields.filter((f) => !seen.has(f.name) && seen.add(f.name)) };
  });
}

/** A JSON property back as what this module wrote into it (facets, declared outputs). */
function parse<T>(json: string | null): T | null {
  return typeof json === 'string' ? (JSON.parse(json) as T) : null;
}

type NodeRow = RowOf<typeof Q.openlineageLoadBatch>['jobs'][number] | RowOf<typeof Q.openlineageLoadBatch>['datasets'][number];
