import crypto from 'node:crypto';
import { BadInputError } from '../common/errors';
import { jsonProperty, requireFinite, requireName, requireUnique } from '../common/validate';
import { featureRefKey } from '../feature/feature.service';
import { DatasetVersionRef } from '../dataset/dataset.types';
import { ModelVersionRef } from './model.types';
import { RegisterModelVersionInput, TrainingRole } from './model-version.types';
import { DatasetVersionRefParams, FeatureRefParams } from './model-version.repository';

/** A registration with every value checked; references are still unresolved (keys for errors). */
export interface ValidRegistration {
  model: string;
  version: string;
  trainedOn: { ref: DatasetVersionRefParams; key: string; role: TrainingRole }[];
  features: { ref: FeatureRefParams; key: string; importance: number }[];
  tags: string[];
  metrics: string | null;
  runId: string | null;
  createdAt: Date | null;
}

/** Checks everything that can be checked without the graph, naming the offending field. */
export function validateRegistration(input: RegisterModelVersionInput): ValidRegistration {
  const trainedOn = input.trainedOn.map((t, i) => ({ ...datasetVersionRef(t.datasetVersion, `input.trainedOn[${i}].datasetVersion`), role: t.role }));
  requireUnique(trainedOn, (t) => `${t.key} as ${t.role}`, 'input.trainedOn');
  const features = input.features.map((u, i) => {
    const { key, ...ref } = featureRefKey(u.feature, `input.features[${i}].feature`);
    return { ref, key, importance: requireFinite(u.importance, `input.features[${i}].importance`, 0) };
  });
  requireUnique(features, (u) => u.key, 'input.features');
  const tags = input.tags.map((tag, i) => requireName(tag, `input.tags[${i}]`, 256));
  requireUnique(tags, (tag) => tag, 'input.tags');
  return {
    model: requireName(input.model, 'input.model'),
    version: requireName(input.version, 'input.version'),
    trainedOn, features, tags,
    metrics: jsonProperty(input.metrics, 'input.metrics'),
    runId: input.producedByRunId == null ? null : requireName(input.producedByRunId, 'input.producedByRunId'),
    createdAt: input.createdAt ?? null,
  };
}

/** A DatasetVersionRef names a version by id, or by namespace + name + version. */
export function datasetVersionRef(ref: DatasetVersionRef, path: string): { ref: DatasetVersionRefParams; key: string } {
  if (ref.id) return { ref: { id: ref.id, namespace: null, name: null, version: null }, key: ref.id };
  if (ref.namespace && ref.name && ref.version) {
    return { ref: { id: null, namespace: ref.namespace, name: ref.name, version: ref.version }, key: `${ref.namespace}/${ref.name}@${ref.version}` };
  }
  throw new BadInputError(`${path} names a dataset version by id, or by namespace, name and version.`, path);
}

/** A ModelVersionRef names a version by id, or by model name + version. */
export function modelVersionRef(ref: ModelVersionRef, path: string): { id: string | null; model: string | null; version: string | null; key: string } {
  if (ref.id) return { id: ref.id, model: null, version: null, key: ref.id };
  if (ref.model && ref.version) return { id: null, model: ref.model, version: ref.version, key: `${ref.model}@${ref.version}` };
  throw new BadInputError(`${path} names a model version by id, or by model and version.`, path);
}

/**
 * The hash of what a version is, over resolved ids (so naming a dataset version by id or by key
 * gives the same hash) and with lists and JSON keys sorted (order carries no meaning here).
 */
export function contentHash(content: {
  trainedOn: { datasetVersionId: string; role: string }[];
  features: { featureId: string; importance: number }[];
  tags: string[];
  metrics: string | null;
  runId: string | null;
}): string {
  const canonical = {
    trainedOn: content.trainedOn.map((t) => `${t.datasetVersionId}:${t.role}`).sort(),
    features: [...content.features].sort((a, b) => a.featureId.localeCompare(b.featureId)),
    tags: [...content.tags].sort(),
    metrics: content.metrics === null ? null : sortKeys(JSON.parse(content.metrics)),
    runId: content.runId,
  };
  return crypto.createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}
