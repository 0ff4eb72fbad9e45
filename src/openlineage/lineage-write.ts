import { datasetContentHash } from '../dataset/content-hash';
import { parseEventTime } from './event-time';
import { Facets } from './event.types';
import { FieldSpec, InputRead, LineagePlan, OutputDeclaration } from './lineage-plan.types';
import { mergeFacets, nextRun, StoredRun } from './run-state';

/** The version key of the placeholder version an input gets when its dataset has no version yet. */
export const INITIAL_VERSION = 'openlineage:initial';

/** What the graph holds already for an event's nodes (read in the event's transaction). */
export interface StoredState {
  run: StoredRun | null;
  jobFacets: Facets | null;
  datasetFacets: Map<string, Facets | null>;
}

export interface VersionWrite {
  namespace: string; name: string; version: string; contentHash: string; rowCount: number | null; createdAt: Date; fields: FieldSpec[];
}

/** Everything the repository writes for one event, in Cypher-ready shapes (JSON as strings). */
export interface LineageWrite {
  job: { namespace: string; name: string; facets: string; description: string | null } | null;
  datasets: { namespace: string; name: string; facets: string; description: string | null }[];
  run: {
    runId: string; state: string; startedAt: Date | null; endedAt: Date | null; nominalStartTime: Date | null;
    codeVersion: string | null; parameters: string | null; facets: string; declaredOutputs: string;
  } | null;
  parent: { runId: string; namespace: string; name: string } | null;
  reads: InputRead[];
  versions: VersionWrite[];
  columnLineage: (OutputDeclaration['columnLineage'][number] & { outputNamespace: string; outputName: string; outputVersion: string })[];
}

export const datasetKey = (namespace: string, name: string) => `${namespace}\u0000${name}`;

export function planWrite(plan: LineagePlan, stored: StoredState): LineageWrite {
  const jobFacets = plan.job ? mergeFacets(stored.jobFacets, plan.job.facets) : {};
  const run = plan.run ? nextRun(stored.run, plan.run, plan.outputs) : null;
  const completed = run?.state === 'COMPLETE' && run.endedAt ? run.declaredOutputs : [];
  const versions = completed.map((o) => versionOf(o, plan.run!.runId, run!.endedAt!));
  return {
    job: plan.job ? { namespace: plan.job.namespace, name: plan.job.name, facets: JSON.stringify(jobFacets), description: documentation(jobFacets) } : null,
    datasets: plan.datasets.map((d) => {
      const facets = mergeFacets(stored.datasetFacets.get(datasetKey(d.namespace, d.name)) ?? null, d.facets);
      return { namespace: d.namespace, name: d.name, facets: JSON.stringify(facets), description: documentation(facets) };
    }),
    run: run && plan.run ? {
      runId: plan.run.runId, state: run.state, startedAt: run.startedAt, endedAt: run.endedAt,
      nominalStartTime: timeOf(run.facets.nominalTime?.nominalStartTime),
      codeVersion: (jobFacets.sourceCodeLocation?.version as string | undefined) ?? null,
      parameters: parametersOf(run.facets), facets: JSON.stringify(run.facets), declaredOutputs: JSON.stringify(run.declaredOutputs),
    } : null,
    parent: plan.run?.parent ?? null,
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
