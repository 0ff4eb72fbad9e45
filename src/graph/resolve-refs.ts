import { NotFoundError } from '../common/errors';
import { Tx } from '../db/db';
import * as Q from '../generated/cypher';
import { CheckedRef } from './node-ref-check';
import { NODE_TYPES } from './node-types';

/** A node a reference named: its elementId (what traversals start from), id, label and properties. */
export interface ResolvedNode { elementId: string; id: string; label: string; props: Record<string, unknown> }


/**
 * The node each checked reference names, in order (null where none), with one statement for the
 * whole batch (cypher/graph/resolve-refs.cypher); in the caller's transaction, so a mutation sees
 * what it checks. `asOf` picks the dataset version of a FIELD reference without one (null: now).
 */
export async function resolveRefs(tx: Tx, refs: readonly CheckedRef[], asOf: Date | null = null): Promise<(ResolvedNode | null)[]> {
  if (refs.length === 0) return [];
  const params = refs.map(({ type, id, namespace, name, version, field, model }) => ({ type, id, namespace, name, version, field, model }));
  const rows = await tx.run(Q.graphResolveRefs, { refs: params, asOf });
  return rows.map(({ id, elementId, label, props }) => (id === null || elementId === null || label === null ? null : { elementId, id, label, props: props ?? {} }));
}

/** As resolveRefs, but the first reference naming nothing is NOT_FOUND ("Dataset 'ns/name' not found.", with its path). */
export async function resolveAll(tx: Tx, refs: readonly CheckedRef[], asOf: Date | null = null): Promise<ResolvedNode[]> {
  const found = await resolveRefs(tx, refs, asOf);
  return found.map((node, i) => node ?? throwNotFound(refs[i]));
}

/** The NOT_FOUND error of a reference that names nothing. */
export function notFound(ref: CheckedRef): NotFoundError {
  return new NotFoundError(NODE_TYPES[ref.type].label, ref.key, ref.path);
}

function throwNotFound(ref: CheckedRef): never {
  throw notFound(ref);
}
