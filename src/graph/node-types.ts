import { registerEnumType } from 'type-graphql';

/**
 * The node types of the graph, each defined once: its Neo4j label (also the entity name errors
 * use: "Dataset 'x' not found."), the reference fields that name it besides its id, the natural
 * key it is stored under, and how it is displayed. docs/graph-model.md's label table and the Java
 * traversal rules are checked against this file by test/graph-model.unit.test.ts.
 */
export enum NodeType {
  DATASET = 'DATASET', DATASET_VERSION = 'DATASET_VERSION', FIELD = 'FIELD', FEATURE = 'FEATURE', JOB = 'JOB',
  RUN = 'RUN', MODEL = 'MODEL', MODEL_VERSION = 'MODEL_VERSION', ENSEMBLE = 'ENSEMBLE', DEPLOYMENT = 'DEPLOYMENT',
}
registerEnumType(NodeType, { name: 'NodeType', description: 'The kind of a node in the lineage graph (one per Neo4j label).' });

/** A field of a reference (NodeRef, DatasetVersionRef, ...) that is part of a natural key. */
export type KeyPart = 'namespace' | 'name' | 'version' | 'field' | 'model';

export interface NodeTypeDef {
  readonly type: NodeType;
  /** The Neo4j label; also the entity name of NOT_FOUND errors. */
  readonly label: string;
  /** The reference fields that name a node besides `id`, all required ([]: by id only). */
  readonly key: readonly KeyPart[];
  /**
   * A key part a lineage reference may leave out: what that means, and how errors then name the
   * reference (the display format without the part).
   */
  readonly optional?: { readonly part: KeyPart; readonly meaning: string; readonly display: string };
  /** The natural key as stored (docs/graph-model.md's "natural key" column; V001 constraints). */
  readonly storedKey: string;
  /**
   * The display label (LineageNode.label, and the key a NOT_FOUND error names): `{part}` is a key
   * part (for RUN: its runId and its job's namespace and name); a bracketed group is left out
   * when one of its parts is missing, any other missing part makes the whole label null (as
   * Cypher's `+` does). cypher/lineage/{downstream,upstream}.cypher and LineageRows.display (Java)
   * compute it in the graph; test/traversal-engines.test.ts checks both against this format.
   */
  readonly display: string;
}

const defs: NodeTypeDef[] = [
  { type: NodeType.DATASET, label: 'Dataset', key: ['namespace', 'name'], storedKey: '(namespace, name)', display: '{namespace}/{name}' },
  {
    type: NodeType.DATASET_VERSION, label: 'DatasetVersion', key: ['namespace', 'name', 'version'], storedKey: '(datasetId, version)',
    display: '{namespace}/{name}@{version}',
  },
  {
    type: NodeType.FIELD, label: 'Field', key: ['namespace', 'name', 'version', 'field'], storedKey: '(datasetVersionId, name)',
    optional: { part: 'version', meaning: 'that field in every version of the dataset (visible at asOf and knownAt), all of them origins', display: '{namespace}/{name}.{field}' },
    display: '{namespace}/{name}@{version}.{field}',
  },
  { type: NodeType.FEATURE, label: 'Feature', key: ['namespace', 'name'], storedKey: '(namespace, name)', display: '{namespace}/{name}' },
  { type: NodeType.JOB, label: 'Job', key: ['namespace', 'name'], storedKey: '(namespace, name)', display: '{namespace}/{name}' },
  { type: NodeType.RUN, label: 'Run', key: [], storedKey: 'runId', display: '[{jobNamespace}/{jobName}#]{runId}' },
  { type: NodeType.MODEL, label: 'Model', key: ['name'], storedKey: 'name', display: '{name}' },
  { type: NodeType.MODEL_VERSION, label: 'ModelVersion', key: ['model', 'version'], storedKey: '(modelId, version)', display: '{model}@{version}' },
  { type: NodeType.ENSEMBLE, label: 'Ensemble', key: ['name'], storedKey: 'name', display: '{name}' },
  { type: NodeType.DEPLOYMENT, label: 'Deployment', key: ['name'], storedKey: 'name', display: '{name}' },
];

/** Every node type by its enum value. */
export const NODE_TYPES: Readonly<Record<NodeType, NodeTypeDef>> = Object.fromEntries(defs.map((d) => [d.type, d])) as Record<NodeType, NodeTypeDef>;

const byLabel = new Map(defs.map((d) => [d.label, d.type]));

/** The node type of a Neo4j label; undefined for a label outside the lineage model. */
export function nodeTypeOfLabel(label: string): NodeType | undefined {
  return byLabel.get(label);
}

/** The labels that are not lineage nodes (bookkeeping, metrics, auth), with their stored keys. */
export const OTHER_LABELS: Readonly<Record<string, string>> = {
  MetricSeries: '(targetId, name)', MetricBucket: '(seriesId, start)', SchemaMigration: 'version',
  ApiKey: 'hash', AuditEvent: 'id',
};

/** "dataset version" for DATASET_VERSION: how messages name a type in prose. */
export function typeWords(type: NodeType): string {
  return NODE_TYPES[type].label.replace(/[A-Z]/g, (c, i: number) => (i ? ' ' : '') + c.toLowerCase());
}

/** Key parts by name; for RUN runId, jobNamespace and jobName. */
export type DisplayParts = Partial<Record<string, string | null>>;

/** The display label of a node of `type` from its parts, by the type's `display` format. */
export function displayLabel(type: NodeType, parts: DisplayParts): string | null {
  return formatDisplay(NODE_TYPES[type].display, parts);
}

/** Fills a display format (see NodeTypeDef.display). */
export function formatDisplay(format: string, parts: DisplayParts): string | null {
  const fill = (text: string) => {
    let missing = false;
    const out = text.replace(/\{(\w+)\}/g, (_, part: string) => {
      const value = parts[part];
      if (value == null) missing = true;
      return value ?? '';
    });
    return missing ? null : out;
  };
  return fill(format.replace(/\[([^\]]*)\]/g, (_, group: string) => fill(group) ?? ''));
}

/** The natural keys of references, for descriptions: "DATASET, FEATURE, JOB: namespace + name; ...". */
export function naturalKeys(): string {
  return grouped((d) => (d.key.length ? d.key.join(' + ') : 'id only (the runId)') +
    (d.optional ? ` (${d.optional.part} may be left out: ${d.optional.meaning})` : ''));
}

/** The display formats, for descriptions: "DATASET, FEATURE, JOB: {namespace}/{name}; ...". */
export function displayFormats(): string {
  return grouped((d) => d.display);
}

/** Node types with the same text grouped, in the order of the registry. */
function grouped(text: (d: NodeTypeDef) => string): string {
  const groups = new Map<string, NodeType[]>();
  for (const d of defs) groups.set(text(d), [...(groups.get(text(d)) ?? []), d.type]);
  return [...groups].map(([t, types]) => `${types.join(', ')}: ${t}`).join('; ');
}
