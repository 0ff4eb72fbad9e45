import { datasetContentHash } from '../dataset/content-hash';
import { parseEventTime } from './event-time';
import { Facets } from './event.types';
import { FacetState, mergeFacets } from './facet-merge';
import { DatasetSchema, FieldSpec, InputRead, JobLineage, LineagePlan, OutputDeclaration } from './lineage-plan.types';
import { nextRun, StoredRun } from './run-state';

/** The version key of the placeholder version an input gets when its dataset has no version yet. */
export const INITIAL_VERSION = 'openlineage:initial';

/** What the graph holds already for an event's nodes (read in the event's transaction). */
export interface StoredState {
  run: StoredRun | null;
  jobFacets: FacetState | null;
  datasetFacets: Map<string, FacetState | null>;
}

export interface VersionWrite {
  namespace: string; name: string; version: string; contentHash: string; rowCount: number | null; createdAt: Date; fields: FieldSpec[];
}

/** Everything the repository writes for one event, in Cypher-ready shapes (JSON as strings). */
export interface NodeWrite { namespace: string; name: string; facets: string; facetTimes: string; description: string | null }
export interface LineageWrite {
  job: NodeWrite | null;
  datasets: NodeWrite[];
  run: {
    runId: string; state: string; startedAt: Date | null; endedAt: Date | null; nominalStartTime: Date | null;
    codeVersion: string | null; parameters: string | null; facets: string; facetTimes: string; declaredOutputs: string;
  } | null;
  jobLineage: JobLineage | null;
  /** The version a DatasetEvent's schema describes (no run wrote it). */
  schemaVersion: VersionWrite | null;
  parent: { runId: string; namespace: string; name: string } | null;
  reads: InputRead[];
  versions: VersionWrite[];
  columnLineage: (OutputDeclaration['columnLineage'][number] & { outputNamespace: string; outputName: string; outputVersion: string })[];
}

export const datasetKey = (namespace: string, name: string) => `${namespace}\u0000${name}`;

export function planWrite(plan: LineagePlan, stored: StoredState): LineageWrite {
  const job = plan.job ? mergeFacets(stored.jobFacets, plan.job.facets, plan.eventTime) : null;
  const jobFacets = job?.facets ?? {};
  const run = plan.run ? nextRun(stored.run, plan.run, plan.outputs) : null;
  const completed = run?.state === 'COMPLETE' && run.endedAt ? run.declaredOutputs : [];
  const versions = completed.map((o) => versionOf(o, plan.run!.runId, run!.endedAt!));
  return {
    job: plan.job && job ? { namespace: plan.job.namespace, name: plan.job.name, ...stateWrite(job) } : null,
    datasets: plan.datasets.map((d) => ({
      namespace: d.namespace, name: d.name, ...stateWrite(mergeFacets(stored.datasetFacets.get(datasetKey(d.namespace, d.name)) ?? null, d.facets, plan.eventTime)),
    })),
    run: run && plan.run ? {
      runId: plan.run.runId, state: run.state, startedAt: run.startedAt, endedAt: run.endedAt,
      nominalStartTime: timeOf(run.facets.nominalTime?.nominalStartTime),
      codeVersion: (jobFacets.sourceCodeLocation?.version as string | undefined) ?? null,
      parameters: parametersOf(run.facets), facets: JSON.stringify(run.facets), facetTimes: JSON.stringify(run.facetTimes), declaredOutputs: JSON.stringify(run.declaredOutputs),
    } : null,
    parent: plan.run?.parent ?? null,
    jobLineage: plan.jobLineage,
    schemaVersion: plan.datasetSchema ? schemaVersionOf(plan.datasetSchema) : null,
    reads: plan.inputs,
    versions,
    columnLineage: completed.flatMap((o, i) => o.columnLineage.map((e) => ({
      ...e, outputNamespace: o.namespace, outputName: o.name, outputVersion: versions[i].version,
    }))),
  };
}

/** An output's version: the `version` facet's value, else one derived from the run, so replays hit the same one. */
function versionOf(o: OutputDeclaration, runId: string, createdAt: Date): VersionWrite {
  return {
    namespace: o.namespace, name: o.name, version: o.version ?? `run:${runId}`,
    contentHash: datasetContentHash({ fields: o.fields, fingerprint: null, rowCount: o.rowCount }), rowCount: o.rowCount, createdAt, fields: o.fields,
  };
}

/** A DatasetEvent's version: the `version` facet's value, else one named by its content, so a replay hits the same one. */
function schemaVersionOf(d: DatasetSchema): VersionWrite {
  const contentHash = datasetContentHash({ fields: d.fields, fingerprint: null, rowCount: null });
  return { namespace: d.namespace, name: d.name, version: d.version ?? `schema:${contentHash.slice(0, 16)}`, contentHash, rowCount: null, createdAt: d.createdAt, fields: d.fields };
}

function stateWrite(state: FacetState): Omit<NodeWrite, 'namespace' | 'name'> {
  return { facets: JSON.stringify(state.facets), facetTimes: JSON.stringify(state.times), description: documentation(state.facets) };
}

function documentation(facets: Facets): string | null {
  const text = facets.documentation?.description;
  return typeof text === 'string' ? text : null;
}

function timeOf(value: unknown): Date | null {
  return typeof value === 'string' ? parseEventTime(value) : null;
}

/** `executionParameters` (the spec's run parameters facet) as { key: value }. */
function parametersOf(facets: Facets): string | null {
  const list = facets.executionParameters?.parameters as { key: string; value?: string }[] | undefined;
  return list?.length ? JSON.stringify(Object.fromEntries(list.map((p) => [p.key, p.value ?? null]))) : null;
}
