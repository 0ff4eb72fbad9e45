import { GraphQLJSONObject } from 'graphql-scalars';
import { Field as GqlField, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum TimeBucket { MINUTE = 'MINUTE', HOUR = 'HOUR', DAY = 'DAY', WEEK = 'WEEK' }
registerEnumType(TimeBucket, { name: 'TimeBucket', description: 'UTC time buckets; weeks start on Monday.' });

export enum MetricAggregate { AVG = 'AVG', MIN = 'MIN', MAX = 'MAX', LAST = 'LAST', COUNT = 'COUNT', P50 = 'P50', P95 = 'P95' }
registerEnumType(MetricAggregate, { name: 'MetricAggregate', description: 'How the points of a bucket become one value (percentiles interpolate linearly).' });

export enum MetricEventKind {
  DEPLOYED = 'DEPLOYED', UNDEPLOYED = 'UNDEPLOYED', ALIAS_SET = 'ALIAS_SET', DATASET_VERSION = 'DATASET_VERSION',
  MEMBER_ADDED = 'MEMBER_ADDED', MEMBER_REMOVED = 'MEMBER_REMOVED', MEMBER_WEIGHT_CHANGED = 'MEMBER_WEIGHT_CHANGED',
}
registerEnumType(MetricEventKind, { name: 'MetricEventKind', description: 'Something that happened on a metric time line.' });

@InputType({ description: 'What a metric measures: exactly one of a model version (by id, or by model + version), a deployment or an ensemble (by name).' })
export class MetricTargetInput {
  @GqlField(() => ID, { nullable: true, description: 'A model version by id.' }) modelVersion?: string;
  @GqlField({ nullable: true, description: 'With version: a model version by its natural key, e.g. model "fraud", version "2".' }) model?: string;
  @GqlField({ nullable: true, description: 'With model: the version of the model.' }) version?: string;
  @GqlField({ nullable: true }) deployment?: string;
  @GqlField({ nullable: true }) ensemble?: string;
}

/** recordMetrics receives these as graphql-js coerced them (see PassCoercedPoints), not as instances of this class. */
@InputType({ description: 'One measurement. The same target, name and timestamp again replaces the value.' })
export class MetricPointInput {
  @GqlField(() => MetricTargetInput) target!: MetricTargetInput;
  @GqlField() name!: string;
  @GqlField(() => Float) value!: number;
  @GqlField() timestamp!: Date;
  @GqlField(() => ID, { nullable: true, description: 'The dataset version the value was measured on.' }) datasetVersionId?: string;
  @GqlField(() => GraphQLJSONObject, { nullable: true }) tags?: Record<string, unknown>;
}

@ObjectType()
export class RecordMetricsResult {
  @GqlField(() => Int, { description: 'Points stored (after collapsing repeats of one timestamp in the batch).' }) points!: number;
  @GqlField(() => Int, { description: 'Series (target + name) touched.' }) series!: number;
  @GqlField(() => Int, { description: 'Hour buckets written.' }) buckets!: number;
}

@ObjectType({ description: 'One time bucket of a metric series.' })
export class MetricValue {
  @GqlField() start!: Date;
  @GqlField(() => Float) value!: number;
  @GqlField(() => Int) count!: number;
}

@ObjectType({ description: "A model version's value of a metric: its recorded points aggregated, else its offline metric." })
export class VersionMetric {
  @GqlField(() => ID) modelVersionId!: string;
  @GqlField() version!: string;
  @GqlField() createdAt!: Date;
  @GqlField(() => Float, { nullable: true, description: 'From the points when there are any, else the offline value.' }) value!: number | null;
  @GqlField(() => Int, { description: 'Points aggregated (0: the value, if any, is the offline one).' }) count!: number;
  @GqlField(() => Float, { nullable: true, description: 'The value in the metrics given at registration.' }) offlineValue!: number | null;
}

@ObjectType({ description: 'An event to mark on a metric chart.' })
export class MetricEvent {
  @GqlField() at!: Date;
  @GqlField(() => MetricEventKind) kind!: MetricEventKind;
  @GqlField({ description: 'A short human-readable label.' }) label!: string;
  @GqlField(() => String, { nullable: true }) deployment!: string | null;
  @GqlField(() => ID, { nullable: true }) modelVersionId!: string | null;
  @GqlField(() => String, { nullable: true }) ensemble!: string | null;
  @GqlField(() => String, { nullable: true }) alias!: string | null;
  @GqlField(() => ID, { nullable: true }) datasetVersionId!: string | null;
  @GqlField(() => Boolean, { nullable: true, description: 'DATASET_VERSION: whether a model version of the target trained on it (false: a dataset further upstream).' })
  trainedOn!: boolean | null;
  @GqlField(() => Float, { nullable: true, description: "MEMBER_*: the member's weight in the ensemble from then on (null: it left)." })
  weight!: number | null;
  @GqlField(() => Float, { nullable: true, description: "MEMBER_*: the member's weight before (null: it joined)." })
  previousWeight!: number | null;
}
