import { BadInputError } from '../common/errors';
import { Tx } from '../db/db';
import { CheckedRef, checkRef } from '../graph/node-ref-check';
import { NodeType } from '../graph/node-types';
import { resolveAll, ResolvedNode } from '../graph/resolve-refs';
import { NodeRef } from './lineage.types';

/**
 * Checks that a NodeRef names a node of an allowed type completely (a FIELD may leave out its
 * version: the one current at asOf); `path` is the argument's name.
 */
export function checkNodeRef(ref: NodeRef, allowed: NodeType[], path: string): CheckedRef {
  if (!allowed.includes(ref.type)) {
    throw new BadInputError(`${path}.type must be one of ${allowed.join(', ')}.`, `${path}.type`);
  }
  return checkRef(ref.type, ref, path, { optionalPart: true });
}

/** The node a traversal starts from (NOT_FOUND when the reference names none). */
export async function resolveOrigin(tx: Tx, ref: CheckedRef, asOf: Date | null): Promise<ResolvedNode> {
  return (await resolveAll(tx, [ref], asOf))[0];
}
