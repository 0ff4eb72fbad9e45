import { Arg, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import { PassCoercedPoints } from './coerced-points';
import { MetricEventsService } from './metric-events';
import { MetricsService } from './metrics.service';
import {
  MetricAggregate, MetricEvent, MetricPointInput, MetricTargetInput, MetricValue, RecordMetricsResult, TimeBucket, VersionMetric,
} from './metrics.types';

@Resolver()
export class MetricsResolver {
  constructor(private readonly metrics: MetricsService, private readonly events: MetricEventsService) {}

  /** Reached through PassCoercedPoints, which skips type-graphql's per-point copy and validation. */
  @Mutation(() => RecordMetricsResult, { description: 'Records metric points (up to 50,000) in one transaction; a re-sent point replaces itself.' })
  @UseMiddleware(PassCoercedPoints)
  recordMetrics(@Arg('points', () => [MetricPointInput]) points: MetricPointInput[]) { return this.metrics.record(points); }

  @Query(() => [MetricValue], { description: "A target's metric over [from, to) in UTC buckets; empty buckets are left out." })
  metricSeries(@Arg('target', () => MetricTargetInput) target: MetricTargetInput, @Arg('name') name: string,
               @Arg('from') from: Date, @Arg('to') to: Date,
               @Arg('bucket', () => TimeBucket, { defaultValue: TimeBucket.HOUR }) bucket: TimeBucket,
               @Arg('aggregate', () => MetricAggregate, { defaultValue: MetricAggregate.AVG }) aggregate: MetricAggregate) {
    return this.metrics.series(target, name, from, to, bucket, aggregate);
  }

  @Query(() => [VersionMetric], { description: "One value of a metric per version of a model, oldest version first." })
  metricAcrossVersions(@Arg('model') model: string, @Arg('metric') metric: string,
                       @Arg('aggregate', () => MetricAggregate, { defaultValue: MetricAggregate.AVG }) aggregate: MetricAggregate) {
    return this.metrics.acrossVersions(model, metric, aggregate);
  }

  @Query(() => [MetricEvent], { description: "Deployments, alias moves and new dataset versions on a target's time line, oldest first." })
  metricEvents(@Arg('target', () => MetricTargetInput) target: MetricTargetInput, @Arg('from') from: Date, @Arg('to') to: Date) {
    return this.events.events(target, from, to);
  }
}
