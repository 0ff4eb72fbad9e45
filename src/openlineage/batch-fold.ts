import { EventType, Facets } from './event.types';
import { facetState } from './facet-merge';
import { JobLineage, LineagePlan } from './lineage-plan.types';
import { datasetKey, LineageWrite, planWrite, VersionWrite } from './lineage-write';
import { StoredRun } from './run-state';

/**
 * Folds a batch's events, in order, into one write per job, dataset and run: each event goes
 * through planWrite against the state the events before it left (what the one-by-one path would
 * have loaded), so the result equals applying them one by one. Pure: the repository loads the
 * stored state before (loadEntities) and writes the rows after.
 */
export interface StoredNode { facets: string | null; facetTimes: string | null; description: string | null; createdAt: Date | null; lineageAt?: Date | null }

/** What the graph holds for the runs, jobs and datasets (by datasetKey) a batch names. */
export interface StoredEntities { runs: Map<string, StoredRun>; jobs: Map<string, StoredNode>; datasets: Map<string, StoredNode> }

type Key = { namespace: string; name: string };
/** `createdAt`: the earliest eventTime of the events naming the node (the graph keeps the earliest it saw). */
export type NodeRow = Key & { facets: string; facetTimes: string; description: string | null; createdAt: Date };
export type RunRow = NonNullable<LineageWrite['run']> & { createdBy: Key; jobs: Key[]; createdAt: Date };
export interface ParentRow { runId: string; parentRunId: string; parentNamespace: string; parentName: string; at: Date }
export type JobLineageRow = Key & Pick<JobLineage, 'at' | 'inputs' | 'outputs'>;

export interface FoldedBatch {
  jobs: NodeRow[];
  datasets: NodeRow[];
  runs: RunRow[];
  parents: ParentRow[];
  /** Jobs whose static lineage (JobEvents) the batch changes: the declaration with the latest eventTime. */
  jobLineage: JobLineageRow[];
  /** Versions DatasetEvents describe. */
  schemaVersions: VersionWrite[];
  /** The per-event writes of events with a run, in order: batch-versions.ts replays their reads and versions. */
  runEvents: (LineageWrite & { run: NonNullable<LineageWrite['run']> })[];
}

/** The runs (sorted: the order they are locked in), jobs and datasets to load for a batch. */
export function entityKeys(plans: LineagePlan[]): { runIds: string[]; jobs: Key[]; datasets: Key[] } {
  const runIds = new Set(plans.flatMap((p) => (p.run ? [p.run.runId] : [])));
  return {
    runIds: [...runIds].sort(),
    jobs: uniqueSorted(plans.flatMap((p) => (p.job ? [p.job] : []))),
    datasets: uniqueSorted(plans.flatMap((p) => p.datasets)),
  };
}

/** A job's or dataset's facets and description as the events so far left them; `changed`: some event changed them. */
interface NodeState extends StoredNode { key: Key; changed: boolean }
const earliest = (a: Date | null | undefined, b: Date) => (a && a.getTime() <= b.getTime() ? a : b);

export function foldBatch(plans: LineagePlan[], stored: StoredEntities): FoldedBatch {
  const jobs = new Map<string, NodeState>();
  const datasets = new Map<string, NodeState>();
  const runs = new Map<string, StoredRun>(stored.runs);
  const runRows = new Map<string, RunRow>();
  const createdBy = new Map<string, Key>();
  const parents = new Map<string, ParentRow>();
  const runEvents: FoldedBatch['runEvents'] = [];
  const runCreated = new Map<string, Date>();
  const jobLineage = new Map<string, JobLineageRow>();
  const schemaVersions: VersionWrite[] = [];
  const node = (states: Map<string, NodeState>, from: Map<string, StoredNode>, key: Key) => {
    const k = datasetKey(key.namespace, key.name);
    let state = states.get(k);
    if (!state) states.set(k, (state = { ...(from.get(k) ?? { facets: null, facetTimes: null, description: null, createdAt: null }), key, changed: false }));
    return state;
  };

  for (const plan of plans) {
    const job = plan.job ? node(jobs, stored.jobs, plan.job) : null;
    const w = planWrite(plan, {
      run: plan.run ? runs.get(plan.run.runId) ?? null : null,
      jobFacets: facetState(job?.facets, job?.facetTimes),
      datasetFacets: new Map(plan.datasets.map((d) => {
        const state = node(datasets, stored.datasets, d);
        return [datasetKey(d.namespace, d.name), facetState(state.facets, state.facetTimes)];
      })),
    });
    if (w.job && job) apply(job, w.job, plan.eventTime);
    for (const d of w.datasets) apply(node(datasets, stored.datasets, d), d, plan.eventTime);
    if (w.schemaVersion) schemaVersions.push(w.schemaVersion);
    if (w.jobLineage && job && declaresLater(w.jobLineage, jobLineage.get(datasetKey(job.key.namespace, job.key.name)) ?? job.lineageAt)) {
      jobLineage.set(datasetKey(job.key.namespace, job.key.name), { ...job.key, ...w.jobLineage });
    }
    // As one by one: an event without a job stores no run (the schema requires one anyway).
    if (!w.run || !w.job) continue;
    const { run } = w;
    runs.set(run.runId, {
      state: run.state as EventType, startedAt: run.startedAt, endedAt: run.endedAt,
      facets: JSON.parse(run.facets) as Facets, facetTimes: JSON.parse(run.facetTimes), declaredOutputs: JSON.parse(run.declaredOutputs),
    });
    runCreated.set(run.runId, earliest(runCreated.get(run.runId), plan.eventTime));
    const jobKey = { namespace: w.job.namespace, name: w.job.name };
    if (!createdBy.has(run.runId)) createdBy.set(run.runId, jobKey);
    const prior = runRows.get(run.runId);
    runRows.set(run.runId, {
      ...run,
      // Stored with coalesce: the last value an event gave wins, none keeps the stored one.
      nominalStartTime: run.nominalStartTime ?? prior?.nominalStartTime ?? null,
      codeVersion: run.codeVersion ?? prior?.codeVersion ?? null,
      parameters: run.parameters ?? prior?.parameters ?? null,
      createdBy: createdBy.get(run.runId)!,
      jobs: uniqueSorted([...(prior?.jobs ?? []), jobKey]),
      createdAt: runCreated.get(run.runId)!,
    });
    if (w.parent) {
      const link = { runId: run.runId, parentRunId: w.parent.runId, parentNamespace: w.parent.namespace, parentName: w.parent.name };
      const key = JSON.stringify(link);
      parents.set(key, { ...link, at: earliest(parents.get(key)?.at, plan.eventTime) });
      // A parent first named here is created by link-parents with the job the facet names.
      if (!createdBy.has(w.parent.runId)) createdBy.set(w.parent.runId, { namespace: w.parent.namespace, name: w.parent.name });
    }
    runEvents.push({ ...w, run });
  }
  const changed = (states: Map<string, NodeState>) => [...states.values()].filter((s) => s.changed)
    .map((s) => ({ ...s.key, facets: s.facets!, facetTimes: s.facetTimes!, description: s.description, createdAt: s.createdAt! }));
  return {
    jobs: sortBy(changed(jobs), (j) => [j.namespace, j.name]),
    datasets: sortBy(changed(datasets), (d) => [d.namespace, d.name]),
    runs: sortBy([...runRows.values()], (r) => [r.runId]),
    // Stable: links naming one parent stay in event order, so the first creates it, as one by one.
    parents: sortBy([...parents.values()], (p) => [p.parentRunId]),
    jobLineage: sortBy([...jobLineage.values()], (j) => [j.namespace, j.name]),
    schemaVersions,
    runEvents,
  };
}

/**
 * One event's facets and description for a job or dataset, and its time (the node's createdAt is
 * the earliest); `changed`: the node must be written (a replayed event changes nothing).
 */
function apply(state: NodeState, write: { facets: string; facetTimes: string; description: string | null }, at: Date): void {
  const createdAt = earliest(state.createdAt, at);
  state.changed ||= state.facets === null || state.facets !== write.facets || state.facetTimes !== write.facetTimes
    || (write.description !== null && (state.description ?? '') !== write.description) || createdAt !== state.createdAt;
  state.facets = write.facets;
  state.facetTimes = write.facetTimes;
  state.description = write.description ?? state.description;
  state.createdAt = createdAt;
}

/** A JobEvent's declaration replaces the job's static lineage when its eventTime is later than the one declared so far. */
function declaresLater(incoming: JobLineage, prior: JobLineageRow | Date | null | undefined): boolean {
  const at = prior instanceof Date ? prior : prior?.at;
  if (!at || incoming.at.getTime() > at.getTime()) return true;
  // The same instant: the larger declaration wins, so the result does not depend on arrival.
  return incoming.at.getTime() === at.getTime() && !(prior instanceof Date)
    && JSON.stringify([incoming.inputs, incoming.outputs]) > JSON.stringify([prior!.inputs, prior!.outputs]);
}

function uniqueSorted<K extends Key>(keys: K[]): Key[] {
  const unique = new Map(keys.map((k) => [datasetKey(k.namespace, k.name), { namespace: k.namespace, name: k.name }]));
  return sortBy([...unique.values()], (k) => [k.namespace, k.name]);
}

/**
 * Sorted by key (stable): every batch writes nodes in the same order, so concurrent batches wait
 * for each other's locks instead of deadlocking.
 */
export function sortBy<T>(rows: T[], key: (row: T) => string[]): T[] {
  const keyed = rows.map((row, i) => ({ row, i, k: key(row) }));
  keyed.sort((a, b) => {
    for (let j = 0; j < a.k.length; j++) if (a.k[j] !== b.k[j]) return a.k[j] < b.k[j] ? -1 : 1;
    return a.i - b.i;
  });
  return keyed.map((x) => x.row);
}
