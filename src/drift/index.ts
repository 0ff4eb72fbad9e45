import { Container } from '../app/container';
import { DatasetService } from '../dataset/dataset.service';
import { DatasetDiffResolver } from './drift.resolver';
import { DriftService } from './drift.service';

/**
 * Dataset diffs. Wired by the metrics module (src/metrics/index.ts), which lists it with its own
 * resolvers: the data quality features (metrics, diffs) are one entry in src/modules.ts. Needs the dataset module.
 */
export const driftResolvers = [DatasetDiffResolver];

export function registerDrift(c: Container): void {
  const service = c.set(DriftService, new DriftService(c.get(DatasetService)));
  c.set(DatasetDiffResolver, new DatasetDiffResolver(service));
}
