import { EventType, Facets } from './event.types';

/**
 * What one OpenLineage event says, normalized (event-mapping.ts makes it, without the database).
 * lineage-write.ts then combines it with what the graph holds already into a LineageWrite.
 */
export interface FieldSpec {
  name: string;
  type: string | null;
  description: string | null;
  /** Always null from OpenLineage; kept so the content hash matches GraphQL's (dataset/content-hash.ts). */
  profile: null;
  position: number;
}

export interface ColumnEdge {
  outputField: string;
  inputNamespace: string;
  inputName: string;
  inputField: string;
  /** The transformations as one readable text ('DIRECT/AGGREGATION, INDIRECT/FILTER') and their descriptions. */
  transformation: string | null;
  description: string | null;
  /** Each transformation as the facet gives it (1-2-0 `transformations`, or the older type/description pair). */
  transformations: Transformation[];
}

export interface Transformation { type: string | null; subtype: string | null; description: string | null; masking: boolean | null }

export interface DatasetFacetsUpdate { namespace: string; name: string; facets: Facets }

/** An input dataset: read at `at` (the event's time); `fields` describe it if it is unknown so far. */
export interface InputRead { namespace: string; name: string; at: Date; fields: FieldSpec[] }

/**
 * An output the run declared. It becomes a DatasetVersion once the run is COMPLETE; declarations
 * are kept on the Run until then because producers often declare outputs on START only.
 * `rank`/`at` say which declaration wins when several events declare the same dataset.
 */
export interface OutputDeclaration {
  namespace: string;
  name: string;
  version: string | null;
  rowCount: number | null;
  fields: FieldSpec[];
  columnLineage: ColumnEdge[];
  rank: number;
  at: string;
}

export interface RunUpdate {
  runId: string;
  eventType: EventType | null;
  eventTime: Date;
  facets: Facets;
  parent: { runId: string; namespace: string; name: string } | null;
}

/** A JobEvent's inputs and outputs: what the job is declared to read and write, as of `at`. */
export interface JobLineage { at: Date; inputs: { namespace: string; name: string }[]; outputs: { namespace: string; name: string }[] }

/** A DatasetEvent's schema: a version of the dataset, known from `createdAt` on. */
export interface DatasetSchema { namespace: string; name: string; version: string | null; createdAt: Date; fields: FieldSpec[] }

export interface LineagePlan {
  eventTime: Date;
  job: { namespace: string; name: string; facets: Facets } | null;
  /** JobEvents only. */
  jobLineage: JobLineage | null;
  /** DatasetEvents with a schema only. */
  datasetSchema: DatasetSchema | null;
  run: RunUpdate | null;
  datasets: DatasetFacetsUpdate[];
  inputs: InputRead[];
  outputs: OutputDeclaration[];
}
