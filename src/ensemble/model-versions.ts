import { BadInputError, NotFoundError } from '../common/errors';
import { parseJsonProperty } from '../common/validate';
import { Tx } from '../db/db';
import * as Q from '../generated/cypher';
import { ModelVersion, ModelVersionRef } from '../model/model.types';

/**
 * ModelVersion nodes belong to the model module; the run, ensemble and deployment modules only
 * point at them. These helpers read them the way the graph contract stores them, so those modules
 * do not depend on the model module's service (which is built separately and registered later).
 */
export function toModelVersion(p: Record<string, unknown>): ModelVersion {
  return { ...(p as unknown as ModelVersion), tags: (p.tags as string[] | null) ?? [], metrics: parseJsonProperty(p.metrics) as ModelVersion['metrics'] };
}

export function describeModelVersionRef(ref: ModelVersionRef): string {
  return ref.id ?? `${ref.model}@${ref.version}`;
}

/**
 * Resolves refs inside the caller's transaction, in order. A ref that names nothing usable is
 * BAD_USER_INPUT; one naming a missing version is NOT_FOUND (with `field` saying which one).
 */
export async function resolveModelVersionRefs(tx: Tx, refs: { ref: ModelVersionRef; field: string }[]): Promise<ModelVersion[]> {
  if (refs.length === 0) return [];
  for (const { ref, field } of refs) {
    if (!ref.id && !(ref.model && ref.version)) throw new BadInputError('A model version is named by id, or by model and version.', field);
  }
  const rows = await tx.run<{ i: number; modelVersion: Record<string, unknown> | null }>(Q.ensembleModelVersionsByRefs, {
    refs: refs.map(({ ref }) => ({ id: ref.id ?? null, model: ref.model ?? null, version: ref.version ?? null })),
  });
  return rows.map((row) => {
    if (!row.modelVersion) {
      const { ref, field } = refs[row.i];
      const error = new NotFoundError('ModelVersion', describeModelVersionRef(ref));
      Object.assign(error.extensions, { field });
      throw error;
    }
    return toModelVersion(row.modelVersion);
  });
}
