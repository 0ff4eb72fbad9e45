/**
 * The parts of an OpenLineage event (spec 2-0-2, 1-x compatible) the mapping reads. Events are
 * validated against the spec's JSON Schemas before they get here, so these types only name what
 * is there; facets stay `Facets` (opaque JSON) except the few the mapping interprets.
 */
export type Facets = Record<string, Record<string, unknown>>;

export type EventType = 'START' | 'RUNNING' | 'COMPLETE' | 'ABORT' | 'FAIL' | 'OTHER';

export interface OlDataset {
  namespace: string;
  name: string;
  facets?: Facets;
  inputFacets?: Facets;
  outputFacets?: Facets;
}

export interface OlJob {
  namespace: string;
  name: string;
  facets?: Facets;
}

export interface OlRun {
  runId: string;
  facets?: Facets;
}

export interface OlEvent {
  eventType?: EventType;
  eventTime: string;
  producer: string;
  schemaURL?: string;
  run?: OlRun;
  job?: OlJob;
  dataset?: OlDataset;
  inputs?: OlDataset[];
  outputs?: OlDataset[];
}

/** The three event kinds of the spec, told apart by shape as the spec's `oneOf` does. */
export type EventKind = 'RunEvent' | 'JobEvent' | 'DatasetEvent';

export function eventKind(event: Record<string, unknown>): EventKind {
  if ('run' in event) return 'RunEvent';
  if ('dataset' in event && !('job' in event)) return 'DatasetEvent';
  return 'JobEvent';
}

/** `schema` facet fields (nested `fields` of structs are kept in the facet JSON only). */
export interface SchemaFacetField {
  name: string;
  type?: string;
  description?: string;
}

/** `columnLineage` facet (1-0-x and 1-2-0 both carry `fields.<out>.inputFields`). */
export interface ColumnLineageFacet {
  fields?: Record<string, {
    inputFields?: { namespace: string; name: string; field: string; transformations?: { type?: string; subtype?: string; description?: string; masking?: boolean }[] }[];
    transformationDescription?: string;
    transformationType?: string;
  }>;
}
