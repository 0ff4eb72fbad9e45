import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { ApiContext } from '../auth/auth.plugin';
import { AlertChangedPayload, Topics } from '../events/topics';
import { MetricTargetInput } from '../metrics/metrics.types';
import { AlertRuleService } from './alert-rule.service';
import { alertChangeOf, alertChangeMatches } from './alert-subscription';
import { AlertService } from './alert.service';
import { Alert, AlertChange, AlertRule, AlertRuleInput, AlertState } from './alert.types';

@Resolver()
export class AlertResolver {
  constructor(private readonly rules: AlertRuleService, private readonly alerts: AlertService) {}

  @Mutation(() => AlertRule, { description: 'A new alert rule on a metric series; evaluated as points arrive and on a timer.' })
  createAlertRule(@Arg('input', () => AlertRuleInput) input: AlertRuleInput) { return this.rules.create(input); }

  @Mutation(() => AlertRule, { description: 'Replaces a rule\'s settings; its open alert is judged by them from the next evaluation on.' })
  updateAlertRule(@Arg('id', () => ID) id: string, @Arg('input', () => AlertRuleInput) input: AlertRuleInput) { return this.rules.update(id, input); }

  @Mutation(() => AlertRule, { description: 'Deletes a rule; its alerts and their history stay.' })
  deleteAlertRule(@Arg('id', () => ID) id: string) { return this.rules.delete(id); }

  @Query(() => [AlertRule], { description: 'Every alert rule, oldest first.' })
  alertRules() { return this.rules.list(); }

  @Query(() => [Alert], { name: 'alerts', description: 'Alerts, newest first; from/to: those active at some time in [from, to).' })
  alertList(@Arg('state', () => AlertState, { nullable: true }) state?: AlertState,
         @Arg('target', () => MetricTargetInput, { nullable: true }) target?: MetricTargetInput,
         @Arg('rule', () => ID, { nullable: true }) rule?: string,
         @Arg('from', () => Date, { nullable: true }) from?: Date, @Arg('to', () => Date, { nullable: true }) to?: Date,
         @Arg('first', () => Int, { nullable: true, description: 'At most this many (default 50).' }) first?: number) {
    return this.alerts.list({ state, target, rule, from, to, first });
  }

  @Mutation(() => Alert, { description: 'A FIRING alert becomes ACKNOWLEDGED; its history records the key that did it.' })
  acknowledgeAlert(@Arg('id', () => ID) id: string, @Ctx() ctx: ApiContext) { return this.alerts.acknowledge(id, ctx.principal.keyId); }

  @Subscription(() => AlertChange, {
    topics: Topics.ALERT_CHANGED,
    filter: ({ payload, args }) => alertChangeMatches(payload as AlertChangedPayload, args as { rule?: string; target?: MetricTargetInput }),
    description: 'Every change of an alert\'s state, on any instance; optionally of one rule or one target.',
  })
  alertChanged(@Root() payload: AlertChangedPayload,
               @Arg('rule', () => ID, { nullable: true }) _rule?: string,
               @Arg('target', () => MetricTargetInput, { nullable: true }) _target?: MetricTargetInput): AlertChange {
    return alertChangeOf(payload);
  }
}
