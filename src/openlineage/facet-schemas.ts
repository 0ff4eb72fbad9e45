import fs from 'node:fs';
import path from 'node:path';

/**
 * The standard facets' JSON Schemas (./spec/facets), and how they apply to an event's facet maps.
 * Each file's `properties` names the facet (`ownership`, `schema`, ...); the same name exists
 * for several kinds (`ownership` of a job and of a dataset), so a file applies to a facet map
 * only if its definition extends that map's kind (RunFacet, JobFacet, DatasetFacet, ...).
 */
export const CORE_ID = 'https://openlineage.io/spec/2-0-2/OpenLineage.json';
export const FACET_KINDS = ['RunFacet', 'JobFacet', 'DatasetFacet', 'InputDatasetFacet', 'OutputDatasetFacet'] as const;
export type FacetKind = (typeof FACET_KINDS)[number];
// JSON Schema documents (the spec's) are walked generically, any keyword at any depth.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = Record<string, any>;

/** Facet kinds whose standard facets are closed: an undeclared property is rejected (see below). */
const CLOSED_KINDS: FacetKind[] = ['InputDatasetFacet', 'OutputDatasetFacet'];

export function loadFacetSchemas(dir: string): Schema[] {
  const schemas = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Schema);
  // Marquez compatibility: its own event_full.json (and the proxy's valid event_full.json) send a
  // dataQualityMetrics input facet without `columnMetrics`, which the schema requires.
  for (const s of schemas) {
    const def = s.$defs?.DataQualityMetricsInputDatasetFacet;
    for (const part of def?.allOf ?? []) if (Array.isArray(part.required)) part.required = part.required.filter((r: string) => r !== 'columnMetrics');
  }
  return schemas;
}

/**
 * The schema of one facet map of `kind`: each known facet name checked against every file that
 * defines it for this kind (by `$ref` to the file's property, not the file root, whose `required`
 * would demand the facet be present). Unknown names are custom facets: the core schema already
 * requires them to be BaseFacets. Input and output facets (statistics, quality metrics) are also
 * closed, so a misspelled metric (`noRowCount`) is a 400 rather than silently lost data; the
 * proxy's event_invalid_input_dataset_facet.json is exactly that case.
 */
export function facetMapSchema(files: Schema[], kind: FacetKind): Schema {
  const properties: Record<string, Schema> = {};
  for (const file of files) {
    for (const [name, property] of Object.entries<Schema>(file.properties ?? {})) {
      if (!kindsOf(file, property).has(kind)) continue;
      const entry = (properties[name] ??= { allOf: [] });
      entry.allOf.push({ $ref: `${file.$id}#/properties/${name}` });
      if (CLOSED_KINDS.includes(kind)) entry.allOf.push({ propertyNames: { enum: ['_producer', '_schemaURL', '_deleted', ...declaredProperties(file, property)] } });
    }
  }
  return { type: 'object', properties };
}

/** The kinds a facet definition extends, following local $refs and allOf/anyOf/oneOf, not nested properties. */
function kindsOf(file: Schema, node: Schema | undefined, depth = 0, kinds = new Set<FacetKind>()): Set<FacetKind> {
  if (!node || depth > 5) return kinds;
  const ref: string | undefined = node.$ref;
  if (ref?.startsWith(`${CORE_ID}#/$defs/`)) {
    const kind = ref.slice(ref.lastIndexOf('/') + 1) as FacetKind;
    if (FACET_KINDS.includes(kind)) kinds.add(kind);
  } else if (ref?.startsWith('#/$defs/')) {
    kindsOf(file, file.$defs?.[ref.slice('#/$defs/'.length)], depth + 1, kinds);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) for (const sub of node[key] ?? []) kindsOf(file, sub, depth + 1, kinds);
  return kinds;
}

function declaredProperties(file: Schema, node: Schema | undefined, depth = 0, names = new Set<string>()): string[] {
  if (!node || depth > 5) return [...names];
  for (const name of Object.keys(node.properties ?? {})) names.add(name);
  if (node.$ref?.startsWith('#/$defs/')) declaredProperties(file, file.$defs?.[node.$ref.slice('#/$defs/'.length)], depth + 1, names);
  for (const key of ['allOf', 'anyOf', 'oneOf']) for (const sub of node[key] ?? []) declaredProperties(file, sub, depth + 1, names);
  return [...names];
}
