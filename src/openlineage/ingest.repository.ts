import { Tx } from '../db/db';
import { RowOf } from '../db/query';
import * as Q from '../generated/cypher';
import { Facets } from './event.types';
import { entityKeys, FoldedBatch, StoredEntities, StoredNode } from './batch-fold';
import { linkRows, VersionRows } from './batch-replay';
import { readKey, runDatasetKey, StoredVersion, StoredVersions, versionKey, versionsToLoad } from './batch-versions';
import { OutputDeclaration } from './lineage-plan.types';
import { datasetKey, INITIAL_VERSION } from './lineage-write';


/**
 * The only code that talks to Neo4j about OpenLineage events. A batch costs a constant number of
 * statements whatever its size: two reads of the stored state, then one UNWIND per kind of write.
 */
export class OpenLineageIngestRepository {
  async loadEntities(tx: Tx, keys: ReturnType<typeof entityKeys>): Promise<StoredEntities> {
    const row = await tx.one(Q.openlineageLoadBatch, keys);
    const byKey = (rows: NodeRow[] = []) => new Map<string, StoredNode>(rows.map((n) => [datasetKey(n.namespace, n.name), { facets: n.facets, description: n.description }]));
    return {
      runs: new Map((row?.runs ?? []).map((run) => [run.runId, {
        state: run.state, startedAt: run.startedAt, endedAt: run.endedAt,
        facets: parse<Facets>(run.facets) ?? {}, declaredOutputs: parse<OutputDeclaration[]>(run.declaredOutputs) ?? [],
      }])),
      jobs: byKey(row?.jobs),
      datasets: byKey(row?.datasets),
    };
  }

  async loadVersions(tx: Tx, keys: ReturnType<typeof versionsToLoad>): Promise<StoredVersions> {
    const empty = { reads: new Map(), runReads: new Map(), written: [] };
    if (!keys.reads.length && !keys.runReads.length && !keys.written.length) return empty;
    const row = await tx.one(Q.openlineageLoadVersions, keys);
    if (!row) return empty;
    const runReads = new Map<string, StoredVersion[]>();
    for (const r of row.runReads) runReads.set(runDatasetKey(r), [...(runReads.get(runDatasetKey(r)) ?? []), r.version]);
    return {
      reads: new Map(row.reads.map((r) => [readKey(r), r.versions])),
      runReads,
      written: row.written.map((w) => ({ ...w.version, namespace: w.namespace, name: w.name })),
    };
  }

  /**
   * Nodes first; then versions, whose ids the reads and column lineage after them are written by
   * (a run never reads its own output: the replay chose what it read).
   */
  async write(tx: Tx, batch: FoldedBatch, versions: VersionRows): Promise<void> {
    if (batch.jobs.length) await tx.run(Q.openlineageUpsertJobs, { jobs: batch.jobs });
    if (batch.datasets.length) await tx.run(Q.openlineageUpsertDatasets, { datasets: batch.datasets });
    if (batch.runs.length) await tx.run(Q.openlineageUpsertRuns, { runs: batch.runs });
    if (batch.parents.length) await tx.run(Q.openlineageLinkParents, { parents: batch.parents });
    const ids = new Map(versions.ids);
    const created = (rows: RowOf<typeof Q.openlineageWriteVersions>[]) => rows.forEach((v) => ids.set(versionKey(v.namespace, v.name, v.version), v.id));
    if (versions.versions.length) created(await tx.run(Q.openlineageWriteVersions, { versions: versions.versions }));
    if (versions.placeholders.length) {
      created(await tx.run(Q.openlineageWritePlaceholders, { initialVersion: INITIAL_VERSION, placeholders: versions.placeholders }));
    }
    const { reads, links } = linkRows(versions, ids);
    if (reads.length) await tx.run(Q.openlineageLinkReads, { reads });
    if (links.length) await tx.run(Q.openlineageLinkColumns, { links });
  }
}

/** A JSON property back as what this module wrote into it (facets, declared outputs). */
function parse<T>(json: string | null): T | null {
  return typeof json === 'string' ? (JSON.parse(json) as T) : null;
}

type NodeRow = RowOf<typeof Q.openlineageLoadBatch>['jobs'][number];
