import { useMemo, useState } from 'react';
import { ACROSS_VERSIONS } from '../queries';
import { formatNumber } from '../types';
import { useQuery } from '../useQuery';
import { Chart } from './Chart';

interface VersionMetric { version: string; createdAt: string; value: number | null; offlineValue: number | null; count: number }

/** One metric per version of a model (recorded points aggregated, and the offline value), oldest first. */
export function AcrossVersionsChart({ model, suggestions }: { model: string; suggestions: string[] }) {
  const [metric, setMetric] = useState(suggestions[0] ?? '');
  const { data, error } = useQuery<{ metricAcrossVersions: VersionMetric[] }>(ACROSS_VERSIONS, { model, metric, aggregate: 'AVG' }, !metric);
  const rows = useMemo(() => data?.metricAcrossVersions ?? [], [data]);
  const option = useMemo(() => ({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: rows.map((r) => r.version) },
    yAxis: { type: 'value', scale: true },
    series: [
      { name: `${metric} (recorded)`, type: 'line', data: rows.map((r) => r.value) },
      { name: `${metric} (offline)`, type: 'line', lineStyle: { type: 'dashed' }, data: rows.map((r) => r.offlineValue) },
    ],
  }), [rows, metric]);
  return (
    <div className="panel">
      <div className="toolbar">
        <label>Metric across versions <input list="across-metrics" value={metric} onChange={(e) => setMetric(e.target.value)} aria-label="Metric across versions" /></label>
        <datalist id="across-metrics">{suggestions.map((s) => <option key={s} value={s} />)}</datalist>
        <span className="muted" data-testid="across-summary">{rows.map((r) => `${r.version}: ${formatNumber(r.value ?? r.offlineValue)}`).join(' · ')}</span>
      </div>
      {error && <p className="error">{error}</p>}
      {rows.length > 0 && <Chart option={option} height={220} testId="across-chart" />}
    </div>
  );
}
