import crypto from 'node:crypto';

/** A field as it takes part in a dataset version's content; `profile` is its profile as JSON text. */
export interface HashedField {
  name: string;
  type: string | null;
  description: string | null;
  profile: string | null;
  position: number;
}

export interface DatasetVersionContent {
  fields: HashedField[];
  fingerprint: string | null;
  rowCount: number | null;
}

/**
 * The hash of what a dataset version is. Versions are immutable: registering an existing version
 * with another hash is a CONFLICT. registerDatasetVersion and OpenLineage outputs both hash here
 * (the keys are rebuilt in one order), so a version OpenLineage produced can be registered
 * through GraphQL with the same fields without a conflict.
 */
export function datasetContentHash(content: DatasetVersionContent): string {
  const canonical = {
    fields: content.fields.map((f) => ({ name: f.name, type: f.type, description: f.description, profile: f.profile, position: f.position })),
    fingerprint: content.fingerprint,
    rowCount: content.rowCount,
  };
  return crypto.createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
