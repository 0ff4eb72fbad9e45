import { jsonProblem, nameProblem } from '../common/validate';
import { ColumnLineageFacet, OlDataset, OlEvent, SchemaFacetField } from './event.types';

/**
 * The service's own input rules for an OpenLineage event, beyond the spec's schemas: the same
 * rules as for GraphQL arguments (src/common/validate.ts), so a name GraphQL refuses (empty, over
 * MAX_NAME_LENGTH, control characters, lone surrogates) cannot enter the graph through OpenLineage.
 */

/** Depth and well-formed strings: checked before the schema, which must not recurse into a 5,000-deep facet. */
export function eventJsonProblems(event: unknown): string[] {
  const problem = jsonProblem(event);
  return problem ? [`/ ${problem}`] : [];
}

/** Every name the mapping stores (jobs, datasets, schema fields, column lineage, parent job), for a schema-valid event. */
export function eventNameProblems(event: OlEvent): string[] {
  const problems: string[] = [];
  const check = (value: unknown, at: string) => {
    const problem = typeof value === 'string' ? nameProblem(value) : undefined;
    if (problem) problems.push(`${at} ${problem}`);
  };
  const checkDataset = (d: OlDataset, at: string) => {
    check(d.namespace, `${at}/namespace`);
    check(d.name, `${at}/name`);
    const fields = (d.facets?.schema?.fields ?? []) as SchemaFacetField[];
    if (Array.isArray(fields)) fields.forEach((f, i) => check(f?.name, `${at}/facets/schema/fields/${i}/name`));
    const lineage = d.facets?.columnLineage as ColumnLineageFacet | undefined;
    for (const [output, entry] of Object.entries(lineage?.fields ?? {})) {
      check(output, `${at}/facets/columnLineage/fields/${output.slice(0, 40)}`);
      (entry?.inputFields ?? []).forEach((input, i) => {
        const inputAt = `${at}/facets/columnLineage/fields/${output.slice(0, 40)}/inputFields/${i}`;
        check(input?.namespace, `${inputAt}/namespace`);
        check(input?.name, `${inputAt}/name`);
        check(input?.field, `${inputAt}/field`);
      });
    }
  };
  if (event.job) {
    check(event.job.namespace, '/job/namespace');
    check(event.job.name, '/job/name');
  }
  const parent = event.run?.facets?.parent as { job?: { namespace?: unknown; name?: unknown } } | undefined;
  check(parent?.job?.namespace, '/run/facets/parent/job/namespace');
  check(parent?.job?.name, '/run/facets/parent/job/name');
  if (event.dataset) checkDataset(event.dataset, '/dataset');
  (event.inputs ?? []).forEach((d, i) => checkDataset(d, `/inputs/${i}`));
  (event.outputs ?? []).forEach((d, i) => checkDataset(d, `/outputs/${i}`));
  return problems.slice(0, 20);
}
