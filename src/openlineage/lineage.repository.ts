import { Db, Tx } from '../db/db';
import * as Q from '../generated/cypher';
import { EventType, Facets } from './event.types';
import { LineagePlan, OutputDeclaration } from './lineage-plan.types';
import { datasetKey, INITIAL_VERSION, LineageWrite, StoredState } from './lineage-write';

/** The only code that talks to Neo4j about OpenLineage events: reads an event's state, writes its plan. */
export class LineageRepository {
  constructor(private readonly db: Db) {}

  /** One event = one transaction: the state is read (and the run locked) and written in it. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.write(work);
  }

  async load(tx: Tx, plan: LineagePlan): Promise<StoredState> {
    const runRow = plan.run ? await tx.one<{ run: Record<string, unknown> }>(Q.openlineageLoadRun, { runId: plan.run.runId }) : undefined;
    const facetRow = await tx.one<{ jobFacets: string | null; datasets: { namespace: string; name: string; facets: string | null }[] }>(
      Q.openlineageLoadFacets, {
        jobNamespace: plan.job?.namespace ?? null, jobName: plan.job?.name ?? null,
        datasets: plan.datasets.map((d) => ({ namespace: d.namespace, name: d.name })),
      });
    const run = runRow?.run;
    return {
      run: run ? {
        state: run.state as EventType, startedAt: (run.startedAt as Date) ?? null, endedAt: (run.endedAt as Date) ?? null,
        facets: parse<Facets>(run.facets) ?? {}, declaredOutputs: parse<OutputDeclaration[]>(run.declaredOutputs) ?? [],
      } : null,
      jobFacets: parse<Facets>(facetRow?.jobFacets),
      datasetFacets: new Map((facetRow?.datasets ?? []).map((d) => [datasetKey(d.namespace, d.name), parse<Facets>(d.facets)])),
    };
  }

  /** Order matters: nodes first, then reads (before writes, so a run never reads its own output), then column lineage. */
  async write(tx: Tx, w: LineageWrite): Promise<void> {
    if (w.job) await tx.run(Q.openlineageUpsertJob, w.job);
    if (w.datasets.length) await tx.run(Q.openlineageUpsertDatasets, { datasets: w.datasets });
    if (!w.run || !w.job) return;
    const runId = w.run.runId;
    await tx.run(Q.openlineageUpsertRun, { ...w.run, jobNamespace: w.job.namespace, jobName: w.job.name });
    if (w.parent) {
      await tx.run(Q.openlineageLinkParent, { runId, parentRunId: w.parent.runId, parentNamespace: w.parent.namespace, parentName: w.parent.name });
    }
    if (w.reads.length) await tx.run(Q.openlineageReadInputs, { runId, initialVersion: INITIAL_VERSION, reads: w.reads });
    if (w.versions.length) await tx.run(Q.openlineageWriteVersions, { runId, versions: w.versions });
    if (w.columnLineage.length) await tx.run(Q.openlineageLinkColumns, { runId, edges: w.columnLineage });
  }
}

function parse<T>(json: unknown): T | null {
  return typeof json === 'string' ? (JSON.parse(json) as T) : null;
}
