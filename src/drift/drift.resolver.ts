import { Arg, Query, Resolver } from 'type-graphql';
import { DatasetVersionRef } from '../dataset/dataset.types';
import { DriftService } from './drift.service';
import { DatasetDiff, DriftThresholdsInput } from './drift.types';

@Resolver(() => DatasetDiff)
export class DatasetDiffResolver {
  constructor(private readonly service: DriftService) {}

  @Query(() => DatasetDiff, { description: 'Schema changes and per-field drift (PSI, Jensen–Shannon, Wasserstein, KS) between two versions, from their field profiles.' })
  datasetDiff(@Arg('from', () => DatasetVersionRef) from: DatasetVersionRef,
              @Arg('to', () => DatasetVersionRef) to: DatasetVersionRef,
              @Arg('thresholds', () => DriftThresholdsInput, { nullable: true }) thresholds?: DriftThresholdsInput) {
    return this.service.datasetDiff(from, to, thresholds);
  }
}
