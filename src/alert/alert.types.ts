import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MetricAggregate, MetricTargetInput } from '../metrics/metrics.types';

export enum AlertCondition { BELOW = 'BELOW', ABOVE = 'ABOVE', DROP = 'DROP', NO_DATA = 'NO_DATA' }
registerEnumType(AlertCondition, {
  name: 'AlertCondition',
  description: 'BELOW/ABOVE: the window\'s aggregate is below/above threshold. DROP: it is below the baseline window\'s '
    + 'aggregate by more than threshold (a fraction: 0.1 = 10 %). NO_DATA: no point in the window.',
});

export enum AlertSeverity { INFO = 'INFO', WARNING = 'WARNING', CRITICAL = 'CRITICAL' }
registerEnumType(AlertSeverity, { name: 'AlertSeverity' });

export enum AlertState { PENDING = 'PENDING', FIRING = 'FIRING', ACKNOWLEDGED = 'ACKNOWLEDGED', RESOLVED = 'RESOLVED' }
registerEnumType(AlertState, {
  name: 'AlertState',
  description: 'PENDING: the condition holds, not yet for the rule\'s `for`; FIRING: it has held that long; ACKNOWLEDGED: '
    + 'firing, and someone took it on; RESOLVED: the condition cleared (an alert resolved while PENDING never fired).',
});

/** The states of an open alert: at most one per rule and target is in one of them. */
export const OPEN_STATES = [AlertState.PENDING, AlertState.FIRING, AlertState.ACKNOWLEDGED];

export enum AlertTargetKind { MODEL_VERSION = 'MODEL_VERSION', DEPLOYMENT = 'DEPLOYMENT', ENSEMBLE = 'ENSEMBLE' }
registerEnumType(AlertTargetKind, { name: 'AlertTargetKind' });

@ObjectType({ description: 'What a rule watches: a model version, deployment or ensemble.' })
export class AlertTarget {
  @Field(() => AlertTargetKind) kind!: AlertTargetKind;
  @Field(() => ID) id!: string;
  @Field({ description: 'The model version as model@version, or the deployment\'s or ensemble\'s name.' }) label!: string;
}

@InputType({ description: 'An alert rule. Durations in seconds; the window ends at the evaluation\'s wall-clock time.' })
export class AlertRuleInput {
  @Field() name!: string;
  @Field(() => MetricTargetInput) target!: MetricTargetInput;
  @Field({ description: 'The metric series name, e.g. "accuracy".' }) metric!: string;
  @Field(() => AlertCondition) condition!: AlertCondition;
  @Field(() => Float, { nullable: true, description: 'BELOW/ABOVE: the value; DROP: the relative drop (0 < x < 1). Unused by NO_DATA.' })
  threshold?: number | null;
  @Field(() => MetricAggregate, { defaultValue: MetricAggregate.AVG, description: 'How the window\'s points become one value.' })
  aggregate!: MetricAggregate;
  @Field(() => Int, { description: 'The window evaluated (NO_DATA: how long without a point).' }) windowSeconds!: number;
  @Field(() => Int, { nullable: true, description: 'DROP: the window just before `windowSeconds` compared with.' }) baselineSeconds?: number | null;
  @Field(() => Int, { defaultValue: 0, description: 'How long the condition must hold before the alert fires (0: at once).' }) forSeconds!: number;
  @Field(() => Int, { defaultValue: 1, description: 'Fewer points in a window than this: the condition does not hold (BELOW, ABOVE, DROP).' })
  minPoints!: number;
  @Field(() => AlertSeverity, { defaultValue: AlertSeverity.WARNING }) severity!: AlertSeverity;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'String labels copied onto its alerts, e.g. {"team": "fraud"}.' })
  labels?: Record<string, unknown> | null;
  @Field({ defaultValue: true }) enabled!: boolean;
}

@ObjectType()
export class AlertRule {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => AlertTarget) target!: AlertTarget;
  @Field() metric!: string;
  @Field(() => AlertCondition) condition!: AlertCondition;
  @Field(() => Float, { nullable: true }) threshold!: number | null;
  @Field(() => MetricAggregate) aggregate!: MetricAggregate;
  @Field(() => Int) windowSeconds!: number;
  @Field(() => Int, { nullable: true }) baselineSeconds!: number | null;
  @Field(() => Int) forSeconds!: number;
  @Field(() => Int) minPoints!: number;
  @Field(() => AlertSeverity) severity!: AlertSeverity;
  @Field(() => GraphQLJSONObject) labels!: Record<string, string>;
  @Field() enabled!: boolean;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType({ description: 'One entry of an alert\'s history.' })
export class AlertStateChange {
  @Field(() => AlertState) state!: AlertState;
  @Field() at!: Date;
  @Field(() => Float, { nullable: true, description: 'The evaluated value then (null: no data, or an acknowledgement).' }) value!: number | null;
  @Field(() => String, { nullable: true, description: 'ACKNOWLEDGED: the id of the API key that acknowledged it.' }) by!: string | null;
}

@ObjectType({ description: 'One episode of a rule\'s condition on its target: at most one is open (not RESOLVED) per rule and target.' })
export class Alert {
  @Field(() => ID) id!: string;
  @Field(() => ID) ruleId!: string;
  @Field({ description: 'The rule\'s name when the alert began.' }) rule!: string;
  @Field(() => AlertSeverity) severity!: AlertSeverity;
  @Field(() => GraphQLJSONObject) labels!: Record<string, string>;
  @Field(() => AlertTarget) target!: AlertTarget;
  @Field() metric!: string;
  @Field(() => AlertState) state!: AlertState;
  @Field(() => Float, { nullable: true, description: 'The value of the last evaluation that changed the state.' }) value!: number | null;
  @Field({ description: 'When the condition was first seen to hold.' }) startedAt!: Date;
  @Field(() => Date, { nullable: true }) firedAt!: Date | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => Date, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The id of the API key that acknowledged it.' }) acknowledgedBy!: string | null;
  @Field(() => [AlertStateChange], { description: 'Every state it went through, oldest first.' }) history!: AlertStateChange[];
}

@ObjectType({ description: 'An alert changed state (alertChanged).' })
export class AlertChange {
  @Field(() => AlertState, { nullable: true, description: 'The state it left (null: the alert is new).' }) previousState!: AlertState | null;
  @Field() at!: Date;
  @Field(() => Alert) alert!: Alert;
}
