import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { EventKind, eventKind, OlEvent } from './event.types';
import { eventJsonProblems, eventNameProblems } from './event-names';
import { projectRoot } from '../common/paths';
import { isEventTime } from './event-time';
import { CORE_ID, FacetKind, facetMapSchema, loadFacetSchemas } from './facet-schemas';

/**
 * Validates events against the OpenLineage JSON Schemas kept in ./spec (copied from the spec, see
 * spec/NOTICE). The core schema only checks that each facet is a BaseFacet (`_producer`,
 * `_schemaURL`); the standard facets' own schemas (spec/facets) are applied to the facet maps of
 * their kind by facet-schemas.ts. The event kind is told by shape, and the event validated against
 * that kind's definition only, so reasons name the real problem rather than three oneOf branches.
 * The service's own input rules (depth, names as GraphQL takes them) come on top: event-names.ts.
 */
// From the repository, not __dirname: `tsc` does not copy JSON into dist/, and the service runs from both.
export const SPEC_DIR = path.join(projectRoot, 'src', 'openlineage', 'spec');
// JSON Schema documents (the spec's) are walked generically, any keyword at any depth.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = Record<string, any>;

export interface EventValidation { valid: boolean; kind: EventKind; errors: string[] }

export class EventSchemaValidator {
  private readonly validators: Record<EventKind, ValidateFunction>;

  constructor() {
    const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true });
    addFormats(ajv);
    // Marquez compatibility: times without a zone (read as UTC) or with nanoseconds, and URIs that
    // are references rather than absolute (Marquez's own fixtures send `"uri": "string"`).
    ajv.addFormat('date-time', isEventTime);
    ajv.addFormat('uri', fullFormats['uri-reference']);
    const core = JSON.parse(fs.readFileSync(path.join(SPEC_DIR, 'OpenLineage.json'), 'utf8')) as Schema;
    // Marquez accepts events without `schemaURL` (e.g. marquez/open_lineage/event_without_schema_url.json).
    core.$defs.BaseEvent.required = core.$defs.BaseEvent.required.filter((p: string) => p !== 'schemaURL');
    ajv.addSchema(core);
    const facetFiles = loadFacetSchemas(path.join(SPEC_DIR, 'facets'));
    for (const schema of facetFiles) ajv.addSchema(schema);
    const facetsOf = (kind: FacetKind) => facetMapSchema(facetFiles, kind);
    const datasets = (extra: 'inputFacets' | 'outputFacets') => ({
      type: 'array',
      items: { properties: { facets: facetsOf('DatasetFacet'), [extra]: facetsOf(extra === 'inputFacets' ? 'InputDatasetFacet' : 'OutputDatasetFacet') } },
    });
    const jobParts = { job: { properties: { facets: facetsOf('JobFacet') } }, inputs: datasets('inputFacets'), outputs: datasets('outputFacets') };
    this.validators = {
      RunEvent: ajv.compile({ allOf: [{ $ref: `${CORE_ID}#/$defs/RunEvent` }, { properties: { ...jobParts, run: { properties: { facets: facetsOf('RunFacet') } } } }] }),
      JobEvent: ajv.compile({ allOf: [{ $ref: `${CORE_ID}#/$defs/JobEvent` }, { properties: jobParts }] }),
      DatasetEvent: ajv.compile({ allOf: [{ $ref: `${CORE_ID}#/$defs/DatasetEvent` }, { properties: { dataset: { properties: { facets: facetsOf('DatasetFacet') } } } }] }),
    };
  }

  validate(event: unknown): EventValidation {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      return { valid: false, kind: 'RunEvent', errors: ['an event must be a JSON object'] };
    }
    const kind = eventKind(event as Record<string, unknown>);
    const jsonProblems = eventJsonProblems(event);
    if (jsonProblems.length) return { valid: false, kind, errors: jsonProblems };
    const validate = this.validators[kind];
    if (!validate(event)) return { valid: false, kind, errors: describe(validate.errors ?? []) };
    // The service's own rules (names as GraphQL takes them), once the shape is known to be the spec's.
    const nameProblems = eventNameProblems(event as OlEvent);
    return { valid: nameProblems.length === 0, kind, errors: nameProblems };
  }
}

/** Readable reasons, deduplicated (a facet failing its schema also fails the enclosing allOf). */
function describe(errors: ErrorObject[]): string[] {
  const reasons = errors
    .filter((e) => !['allOf', 'anyOf', 'oneOf', 'if', 'propertyNames'].includes(e.keyword))
    .map((e) => {
      if (e.propertyName !== undefined) return `${e.instancePath} has '${e.propertyName}', which this standard facet does not define`;
      // Say which value, and why: `2026-02-30T10:00:00Z` has the right shape but is no day.
      if (e.keyword === 'format' && e.params.format === 'date-time') {
        return `${e.instancePath} '${String(e.data).slice(0, 40)}' is not a date-time: RFC 3339, a day that exists in its month, hours 00-23`;
      }
      return `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`;
    });
  return [...new Set(reasons)].slice(0, 20);
}
