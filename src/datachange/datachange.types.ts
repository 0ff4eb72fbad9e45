import { Field as GqlField, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Dataset } from '../dataset/dataset.types';
import { DatasetDiff, SchemaChangeKind } from '../drift/drift.types';

export enum DriftMeasure { PSI = 'PSI', JENSEN_SHANNON = 'JENSEN_SHANNON' }
registerEnumType(DriftMeasure, { name: 'DriftMeasure', description: "Which of a field's distances a data-change score weighs." });

export enum DataChangeStatus { BREAKING = 'BREAKING', DRIFTED = 'DRIFTED', UNCHANGED = 'UNCHANGED', NO_FIELD_LINEAGE = 'NO_FIELD_LINEAGE' }
registerEnumType(DataChangeStatus, {
  name: 'DataChangeStatus',
  description: 'BREAKING: a column a served feature is computed from was removed or changed type; DRIFTED: one drifted; ' +
    'UNCHANGED: field-level lineage is known and none of the columns used changed; NO_FIELD_LINEAGE: the deployment depends ' +
    'on the dataset (training data, runs) but no field-level lineage says which columns it uses.',
});

@ObjectType({ description: 'A column of the dataset a feature is computed from, and how it changed.' })
export class ColumnChange {
  @GqlField() field!: string;
  @GqlField(() => SchemaChangeKind, { nullable: true, description: 'REMOVED or TYPE_CHANGED (breaking); null when only its distribution moved.' })
  change!: SchemaChangeKind | null;
  @GqlField(() => Float, { nullable: true, description: 'The chosen measure (PSI or Jensen–Shannon) of the field; null when not compared.' })
  drift!: number | null;
  @GqlField() drifted!: boolean;
}

@ObjectType({ description: 'A feature a served model version uses that is computed from changed or drifted columns, on one serving path.' })
export class FeatureDataImpact {
  @GqlField() feature!: string;
  @GqlField(() => ID) modelVersionId!: string;
  @GqlField({ description: 'model@version.' }) modelVersion!: string;
  @GqlField(() => String, { nullable: true, description: 'The ensemble the deployment serves the model version through; null when direct.' })
  ensemble!: string | null;
  @GqlField(() => Float, { nullable: true, description: "The model version's weight in that ensemble." }) weight!: number | null;
  @GqlField(() => Float, { description: "The deployment's traffic share to the model version or ensemble." }) trafficShare!: number;
  @GqlField(() => Float, { description: "The feature's importance to the model version (USES_FEATURE.importance)." }) importance!: number;
  @GqlField(() => [ColumnChange], { description: 'The changed or drifted columns it is computed from.' }) columns!: ColumnChange[];
  @GqlField(() => Float, { nullable: true, description: 'The largest drift of its drifted columns; null when none drifted.' })
  drift!: number | null;
  @GqlField() breaking!: boolean;
  @GqlField(() => Float, { description: 'drift × importance × weight (1 when direct) × trafficShare; 0 without drift.' })
  contribution!: number;
}

@ObjectType({ description: "A deployment's metric averaged over a window before and after the new version became current." })
export class ObservedMetricChange {
  @GqlField() metric!: string;
  @GqlField({ description: 'Start of the before window.' }) from!: Date;
  @GqlField({ description: "The `to` version's createdAt: end of the before window, start of the after window." }) at!: Date;
  @GqlField({ description: 'End of the after window (exclusive).' }) to!: Date;
  @GqlField(() => Float, { nullable: true }) before!: number | null;
  @GqlField(() => Float, { nullable: true }) after!: number | null;
  @GqlField(() => Float, { nullable: true, description: 'after − before; null when either window has no points.' }) change!: number | null;
  @GqlField(() => Int) pointsBefore!: number;
  @GqlField(() => Int) pointsAfter!: number;
}

@ObjectType({ description: 'A deployment serving now that depends on the dataset, and how much the data change matters to it.' })
export class DeploymentDataImpact {
  @GqlField(() => ID) deploymentId!: string;
  @GqlField() deployment!: string;
  @GqlField(() => String, { nullable: true }) environment!: string | null;
  @GqlField(() => DataChangeStatus) status!: DataChangeStatus;
  @GqlField() breaking!: boolean;
  @GqlField(() => Float, { description: 'The sum of its features’ contributions (see dataChangeImpact).' }) score!: number;
  @GqlField(() => [FeatureDataImpact], { description: 'Largest contribution first (breaking ones first).' }) features!: FeatureDataImpact[];
  @GqlField(() => [String], { description: 'Served model versions (model@version) reached through the dataset: via fields, training data or runs.' })
  modelVersions!: string[];
  @GqlField(() => [String], { description: 'Those of them with no field-level lineage to the dataset: their column use is unknown.' })
  withoutFieldLineage!: string[];
  @GqlField(() => ObservedMetricChange, { nullable: true, description: 'With `metric`: the observed change.' })
  observed!: ObservedMetricChange | null;
}

@ObjectType({ description: 'How much a change between two versions of a dataset matters to each deployment serving now.' })
export class DataChangeImpact {
  @GqlField(() => Dataset) dataset!: Dataset;
  @GqlField(() => DatasetDiff) diff!: DatasetDiff;
  @GqlField(() => DriftMeasure) measure!: DriftMeasure;
  @GqlField(() => [DeploymentDataImpact], { description: 'BREAKING first, then by score, highest first.' })
  deployments!: DeploymentDataImpact[];
  @GqlField({ description: 'True when the lineage traversal hit its node limit (deployments beyond it are missing).' })
  truncated!: boolean;
}
