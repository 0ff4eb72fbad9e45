import { parseEventTime } from './event-time';
import { ColumnLineageFacet, EventType, Facets, OlDataset, OlEvent, SchemaFacetField } from './event.types';
import { ColumnEdge, DatasetFacetsUpdate, FieldSpec, InputRead, LineagePlan, OutputDeclaration, RunUpdate, Transformation } from './lineage-plan.types';
import { stateRank } from '../run/run-state-machine';

/**
 * Maps a validated OpenLineage event to a LineagePlan: pure, no database, so every mapping rule
 * is unit-tested on its own (test/openlineage-mapping.test.ts).
 */
export function planEvent(event: OlEvent): LineagePlan {
  const eventTime = parseEventTime(event.eventTime);
  if (!eventTime) throw new Error(`eventTime '${event.eventTime}' is not a date-time`); // the validator rules this out
  const eventType: EventType | null = event.eventType ?? null;
  const inputs = event.inputs ?? [];
  const outputs = event.outputs ?? [];
  const declared = event.run ? outputs.map((o) => declareOutput(o, stateRank(eventType), eventTime)) : [];
  // Column lineage names input datasets too, but only the listed inputs are read: a lineage entry
  // naming a dataset the run did not list (Marquez's seed data has one) links nothing.
  const reads = event.run ? uniqueByKey(inputs.map((i) => readInput(i, eventTime))) : [];
  const datasetFacets: DatasetFacetsUpdate[] = [...inputs, ...outputs, ...(event.dataset ? [event.dataset] : [])]
    .map((d) => ({ namespace: d.namespace, name: d.name, facets: d.facets ?? {} }));
  const jobEvent = !event.run && event.job && !event.dataset;
  const key = (d: OlDataset) => ({ namespace: d.namespace, name: d.name });
  const schema = event.dataset?.facets?.schema ? schemaFields(event.dataset.facets) : null;
  return {
    eventTime,
    jobLineage: jobEvent ? { at: eventTime, inputs: uniqueByKey(inputs.map(key)), outputs: uniqueByKey(outputs.map(key)) } : null,
    datasetSchema: event.dataset && schema ? {
      namespace: event.dataset.namespace, name: event.dataset.name, createdAt: eventTime, fields: schema,
      version: (event.dataset.facets?.version?.datasetVersion as string | undefined) ?? null,
    } : null,
    job: event.job ? { namespace: event.job.namespace, name: event.job.name, facets: event.job.facets ?? {} } : null,
    run: event.run ? {
      runId: normalRunId(event.run.runId), eventType, eventTime, facets: event.run.facets ?? {}, parent: parentOf(event.run.facets),
    } : null,
    datasets: mergeByKey(datasetFacets),
    inputs: reads,
    outputs: declared,
  };
}

export function schemaFields(facets: Facets | undefined): FieldSpec[] {
  const fields = (facets?.schema?.fields ?? []) as SchemaFacetField[];
  const seen = new Set<string>();
  return fields.filter((f) => !seen.has(f.name) && seen.add(f.name)).map((f, position) => ({
    name: f.name, type: f.type ?? null, description: f.description ?? null, profile: null, position,
  }));
}

export function columnEdges(facets: Facets | undefined): ColumnEdge[] {
  const lineage = facets?.columnLineage as ColumnLineageFacet | undefined;
  return Object.entries(lineage?.fields ?? {}).flatMap(([outputField, entry]) => (entry.inputFields ?? []).map((input) => {
    const steps = input.transformations ?? [];
    const transformation = steps.length
      ? steps.map((t) => [t.type, t.subtype].filter(Boolean).join('/')).join(', ')
      : entry.transformationType ?? null;
    const description = steps.map((t) => t.description).filter(Boolean).join('; ') || entry.transformationDescription || null;
    const transformations: Transformation[] = steps.length
      ? steps.map((t) => ({ type: t.type ?? null, subtype: t.subtype ?? null, description: t.description ?? null, masking: t.masking ?? null }))
      : entry.transformationType || entry.transformationDescription
        ? [{ type: entry.transformationType ?? null, subtype: null, description: entry.transformationDescription ?? null, masking: null }] : [];
    return {
      outputField, inputNamespace: input.namespace, inputName: input.name, inputField: input.field, transformation: transformation || null, description, transformations,
    };
  }));
}

function declareOutput(o: OlDataset, rank: number, at: Date): OutputDeclaration {
  const fields = schemaFields(o.facets);
  const columnLineage = columnEdges(o.facets);
  // A column named only in the lineage still is a column of the output.
  for (const name of new Set(columnLineage.map((e) => e.outputField))) {
    if (!fields.some((f) => f.name === name)) fields.push({ name, type: null, description: null, profile: null, position: fields.length });
  }
  const rowCount = o.outputFacets?.outputStatistics?.rowCount;
  return {
    namespace: o.namespace, name: o.name,
    version: (o.facets?.version?.datasetVersion as string | undefined) ?? null,
    rowCount: typeof rowCount === 'number' ? rowCount : null,
    fields, columnLineage, rank, at: at.toISOString(),
  };
}

function readInput(i: OlDataset, at: Date): InputRead {
  return { namespace: i.namespace, name: i.name, at, fields: schemaFields(i.facets) };
}

function parentOf(facets: Facets | undefined): RunUpdate['parent'] {
  const parent = facets?.parent as { run?: { runId?: string }; job?: { namespace?: string; name?: string } } | undefined;
  if (!parent?.run?.runId || !parent.job?.namespace || !parent.job.name) return null;
  return { runId: normalRunId(parent.run.runId), namespace: parent.job.namespace, name: parent.job.name };
}

/** Run ids are UUIDs, which compare case-insensitively: `C04CA271-...` and `c04ca271-...` are one run. */
export const normalRunId = (runId: string) => runId.toLowerCase();

const keyOf = (d: { namespace: string; name: string }) => `${d.namespace}\u0000${d.name}`;

function uniqueByKey<T extends { namespace: string; name: string }>(items: T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(keyOf(item))) seen.set(keyOf(item), item);
  return [...seen.values()];
}

/** One update per dataset: a dataset listed twice (input and output) gets both facet sets. */
function mergeByKey(...lists: DatasetFacetsUpdate[][]): DatasetFacetsUpdate[] {
  const merged = new Map<string, DatasetFacetsUpdate>();
  for (const d of lists.flat()) {
    const prior = merged.get(keyOf(d));
    merged.set(keyOf(d), prior ? { ...prior, facets: { ...prior.facets, ...d.facets } } : d);
  }
  return [...merged.values()];
}
