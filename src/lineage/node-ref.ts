import { BadInputError, NotFoundError } from '../common/errors';
import { Tx } from '../db/db';
import { LineageRepository, ResolvedNode } from './lineage.repository';
import { NodeRef, NodeType } from './lineage.types';

/** The natural key each node type is named by (besides its id), as docs/graph-model.md defines it. */
const KEY_PARTS: Record<NodeType, (keyof NodeRef)[]> = {
  DATASET: ['namespace', 'name'], FEATURE: ['namespace', 'name'], JOB: ['namespace', 'name'],
  DATASET_VERSION: ['namespace', 'name', 'version'], FIELD: ['namespace', 'name', 'field'],
  MODEL_VERSION: ['model', 'version'], MODEL: ['name'], ENSEMBLE: ['name'], DEPLOYMENT: ['name'], RUN: ['id'],
};

/** Checks that a NodeRef names a node of an allowed type completely; `field` is the argument's name. */
export function checkNodeRef(ref: NodeRef, allowed: NodeType[], field: string): void {
  if (!allowed.includes(ref.type)) {
    throw new BadInputError(`${field}.type must be one of ${allowed.join(', ')}.`, `${field}.type`);
  }
  if (ref.id) return;
  const missing = KEY_PARTS[ref.type].filter((part) => !ref[part]);
  if (missing.length) {
    throw new BadInputError(`A ${ref.type} is named by id, or by ${KEY_PARTS[ref.type].join(' + ')} (missing: ${missing.join(', ')}).`, field);
  }
}

/** How a missing node is named in its NOT_FOUND error. */
export function describeRef(ref: NodeRef): string {
  if (ref.id) return ref.id;
  const base = ref.namespace ? `${ref.namespace}/${ref.name}` : ref.model ?? ref.name ?? '';
  return base + (ref.version ? `@${ref.version}` : '') + (ref.field ? `.${ref.field}` : '');
}

export async function resolveOrThrow(repo: LineageRepository, tx: Tx, ref: NodeRef, asOf: Date | null): Promise<ResolvedNode> {
  const found = await repo.resolve(tx, ref, asOf);
  if (!found) throw new NotFoundError(entityName(ref.type), describeRef(ref));
  return found;
}

function entityName(type: NodeType): string {
  return type.toLowerCase().split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}
