import { useMemo } from 'react';
import { useQuery } from '../useQuery';
import { MetricValue, ModelSummary, newest } from '../types';

const DAYS = 30;

/**
 * Daily values of one metric over the last 30 days for the newest version of each model, in one
 * request (one aliased metricSeries per model): the sparkline and its latest value.
 */
export function useLatestMetrics(models: ModelSummary[], metric: string): Record<string, MetricValue[]> | null {
  const { query, variables } = useMemo(() => {
    const to = new Date(Date.now() + 60_000).toISOString();
    const from = new Date(Date.now() - DAYS * 86_400_000).toISOString();
    const targets = models.map((m) => ({ model: m.name, version: newest(m.versions)?.version })).filter((t) => t.version);
    const args = targets.map((_, i) => `$t${i}: MetricTargetInput!`).join(', ');
    const fields = targets.map((_, i) => `m${i}: metricSeries(target: $t${i}, name: $name, from: $from, to: $to, bucket: DAY, aggregate: AVG) { start value count }`);
    const vars: Record<string, unknown> = { name: metric, from, to };
    targets.forEach((t, i) => { vars[`t${i}`] = t; });
    return {
      query: targets.length ? `query Latest($name: String!, $from: DateTimeISO!, $to: DateTimeISO!, ${args}) { ${fields.join(' ')} }` : '',
      variables: { ...vars, models: targets.map((t) => t.model) },
    };
  }, [models, metric]);
  const { models: names, ...vars } = variables as { models: string[] } & Record<string, unknown>;
  const { data } = useQuery<Record<string, MetricValue[]>>(query, vars, !query || !metric);
  return useMemo(() => {
    if (!data) return null;
    return Object.fromEntries(names.map((name, i) => [name, data[`m${i}`] ?? []]));
  }, [data, names]);
}
