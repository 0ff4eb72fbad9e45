import { BadInputError } from '../common/errors';
import { requireFinite } from '../common/validate';
import { DatasetService } from '../dataset/dataset.service';
import { DatasetVersionRef } from '../dataset/dataset.types';
import { DEFAULT_THRESHOLDS, diffFields, Thresholds } from './diff';
import { DatasetDiff, DriftThresholdsInput } from './drift.types';

/**
 * Diffs two dataset versions from what the dataset module stores (schema fields and their
 * profiles); no Cypher of its own, so the dataset module stays the one owner of those nodes.
 */
export class DriftService {
  constructor(private readonly datasets: DatasetService) {}

  async datasetDiff(fromRef: DatasetVersionRef, toRef: DatasetVersionRef, input?: DriftThresholdsInput): Promise<DatasetDiff> {
    const thresholds = checkThresholds(input);
    // Versions of two different datasets may be compared too (a staging copy against production).
    // Both looked up at once (one batch), but when both are missing the error names `from`, every time.
    const [fromResult, toResult] = await Promise.allSettled([this.datasets.version(fromRef), this.datasets.version(toRef)]);
    if (fromResult.status === 'rejected') throw fromResult.reason;
    if (toResult.status === 'rejected') throw toResult.reason;
    const [from, to] = [fromResult.value, toResult.value];
    const [fromFields, toFields] = await Promise.all([this.datasets.fields(from.id), this.datasets.fields(to.id)]);
    const result = diffFields(fromFields, toFields, thresholds);
    return { from, to, thresholds, ...result };
  }
}

function checkThresholds(input: DriftThresholdsInput | undefined): Thresholds {
  if (!input) return DEFAULT_THRESHOLDS;
  const positive = (v: number | null | undefined, field: string): number | null => {
    if (v === null || v === undefined) return null;
    requireFinite(v, field);
    if (v <= 0) throw new BadInputError(`${field} must be greater than 0.`, field);
    return v;
  };
  return {
    psi: positive(input.psi, 'thresholds.psi') ?? DEFAULT_THRESHOLDS.psi,
    js: positive(input.js, 'thresholds.js') ?? DEFAULT_THRESHOLDS.js,
    wasserstein: positive(input.wasserstein, 'thresholds.wasserstein'),
    ks: positive(input.ks, 'thresholds.ks'),
  };
}
