import { BadInputError } from '../common/errors';
import { Tx } from '../db/db';
import { CheckedRef, checkRef } from '../graph/node-ref-check';
import { NodeType } from '../graph/node-types';
import { resolveAll, SeenAt } from '../graph/resolve-refs';
import { NodeRef } from './lineage.types';

/**
 * Checks that a NodeRef names a node of an allowed type completely (a FIELD may leave out its
 * version: then it names that field in every version); `path` is the argument's name.
 */
export function checkNodeRef(ref: NodeRef, allowed: NodeType[], path: string): CheckedRef {
  if (!allowed.includes(ref.type)) {
    throw new BadInputError(`${path}.type must be one of ${allowed.join(', ')}.`, `${path}.type`);
  }
  return checkRef(ref.type, ref, path, { optionalPart: true });
}

/** Where a traversal starts: every node the reference names, as elementIds and ids in the same order. */
export interface Origins { elementIds: string[]; ids: string[] }

/**
 * The nodes a traversal starts from (NOT_FOUND when the reference names none): the one it names,
 * or for a FIELD without version that field in every dataset version visible at `at`, newest first.
 */
export async function resolveOrigins(tx: Tx, ref: CheckedRef, at: SeenAt): Promise<Origins> {
  const [node] = await resolveAll(tx, [ref], at);
  return { elementIds: node.named.map((n) => n.elementId), ids: node.named.map((n) => n.id) };
}
