import crypto from 'node:crypto';
import { jsonProperty, requireFinite, requireName, requireUnique } from '../common/validate';
import { CheckedRef, checkRef } from '../graph/node-ref-check';
import { NodeType } from '../graph/node-types';
import { RegisterModelVersionInput, TrainingRole } from './model-version.types';

/** A registration with every value checked; references are still unresolved. */
export interface ValidRegistration {
  model: string;
  version: string;
  trainedOn: { ref: CheckedRef; role: TrainingRole }[];
  features: { ref: CheckedRef; importance: number }[];
  tags: string[];
  metrics: string | null;
  runId: string | null;
  createdAt: Date | null;
}

/** Checks everything that can be checked without the graph, naming the offending field. */
export function validateRegistration(input: RegisterModelVersionInput): ValidRegistration {
  const trainedOn = input.trainedOn.map((t, i) => ({
    ref: checkRef(NodeType.DATASET_VERSION, t.datasetVersion, `input.trainedOn[${i}].datasetVersion`), role: t.role,
  }));
  requireUnique(trainedOn, (t) => `${t.ref.key} as ${t.role}`, 'input.trainedOn');
  const features = input.features.map((u, i) => ({
    ref: checkRef(NodeType.FEATURE, u.feature, `input.features[${i}].feature`),
    importance: requireFinite(u.importance, `input.features[${i}].importance`, 0),
  }));
  requireUnique(features, (u) => u.ref.key, 'input.features');
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
