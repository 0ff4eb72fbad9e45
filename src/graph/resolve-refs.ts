import { NotFoundError } from '../common/errors';
import { Tx } from '../db/db';
import * as Q from '../generated/cypher';
import { CheckedRef } from './node-ref-check';
import { NODE_TYPES } from './node-types';

/**
 * A node a reference named: its elementId (what traversals start from), id, label and properties;
 * `named`: every node it names (itself, or for a FIELD reference without version the field in every
 * visible dataset version, newest first: the node above is the first of them).
 */
export interface ResolvedNode { elementId: string; id: string; label: string; props: Record<string, unknown>; named: { elementId: string; id: string }[] }

/** The graph as it stood at world time `asOf` and as recorded at `knownAt` (null: now, everything recorded). */
export interface SeenAt { asOf: Date | null; knownAt: Date | null }

const NOW: SeenAt = { asOf: null, knownAt: null };

/**
 * The node each checked reference names, in order (null where none), with one statement for the
 * whole batch (cypher/graph/resolve-refs.cypher); in the caller's transaction, so a mutation sees
 * what it checks. `at` says which dataset versions a FIELD reference without one covers (those
 * visible then; only lineage references may leave the version out).
 */
export async function resolveRefs(tx: Tx, refs: readonly CheckedRef[], at: SeenAt = NOW): Promise<(ResolvedNode | null)[]> {
  if (refs.length === 0) return [];
  const params = refs.map(({ type, id, namespace, name, version, field, model }) => ({ type, id, namespace, name, version, field, model }));
  const rows = await tx.run(Q.graphResolveRefs, { refs: params, asOf: at.asOf, knownAt: at.knownAt });
  return rows.map(({ id, elementId, label, props, named }) =>
    (id === null || elementId === null || label === null ? null : { elementId, id, label, props: props ?? {}, named }));
}

/** As resolveRefs, but the first reference naming nothing is NOT_FOUND ("Dataset 'ns/name' not found.", with its path). */
export async function resolveAll(tx: Tx, refs: readonly CheckedRef[], at: SeenAt = NOW): Promise<ResolvedNode[]> {
  const found = await resolveRefs(tx, refs, at);
  return found.map((node, i) => node ?? throwNotFound(refs[i]));
}

/** The NOT_FOUND error of a reference that names nothing. */
export function notFound(ref: CheckedRef): NotFoundError {
  return new NotFoundError(NODE_TYPES[ref.type].label, ref.key, ref.path);
}

function throwNotFound(ref: CheckedRef): never {
  throw notFound(ref);
}
