import { Arg, Int, Query, Resolver } from 'type-graphql';
import { DatasetRef } from '../dataset/dataset.types';
import { DriftThresholdsInput } from '../drift/drift.types';
import { DataChangeService, DEFAULT_WINDOW_HOURS } from './datachange.service';
import { DataChangeImpact, DriftMeasure } from './datachange.types';

const FORMULA = 'How much the change from version `from` to version `to` of a dataset matters to each deployment serving now (or at `asOf`) that ' +
  'depends on the dataset (through the lineage `impact` follows: field lineage, training data, runs; directly or through an ensemble). ' +
  'Columns: a feature uses column N when its lineage (Feature-DERIVED_FROM->Field, then any Field-DERIVED_FROM->Field chain) reaches ' +
  'a field named N of any version of the dataset; fields are matched by name across versions (a new version\'s field of the same ' +
  'name is the same column), so lineage recorded against an older version applies to `from` and `to`. A column changed when it was ' +
  'REMOVED or TYPE_CHANGED (breaking; ADDED columns affect nothing already used) or drifted (datasetDiff against `thresholds`). ' +
  'Score of a deployment = Σ over what it serves (a model version m directly, or m as a member of an ensemble) and over the features f ' +
  'm uses computed from a changed column: drift(f) × importance(m, f) × weight(m in the ensemble; 1 when direct) × trafficShare ' +
  '(of m or of the ensemble), where drift(f) = the largest `measure` (PSI by default) of f\'s drifted columns (0 when only removed or ' +
  'retyped). BREAKING deployments rank first, then by score, highest first.';

@Resolver()
export class DataChangeResolver {
  constructor(private readonly service: DataChangeService) {}

  @Query(() => DataChangeImpact, { description: FORMULA })
  dataChangeImpact(@Arg('dataset', () => DatasetRef) dataset: DatasetRef, @Arg('from') from: string, @Arg('to') to: string,
                   @Arg('thresholds', () => DriftThresholdsInput, { nullable: true }) thresholds?: DriftThresholdsInput,
                   @Arg('measure', () => DriftMeasure, { defaultValue: DriftMeasure.PSI }) measure?: DriftMeasure,
                   @Arg('metric', () => String, { nullable: true, description: "A deployment metric's name: adds its observed change." }) metric?: string,
                   @Arg('windowHours', () => Int, { defaultValue: DEFAULT_WINDOW_HOURS, description: "Hours before and after the `to` version's createdAt averaged for `metric`." })
                   windowHours?: number,
                   @Arg('asOf', { nullable: true, description: 'Which deployments served what, and the lineage, as they stood then (default: now).' })
                   asOf?: Date) {
    return this.service.impact({ dataset, from, to, thresholds, measure, metric, windowHours, asOf });
  }
}
