import { useState } from 'react';
import { MetricTarget } from '../types';
import { MetricChart } from './MetricChart';
import { useMetricData } from './metric-data';
import { MetricPicker } from './MetricPicker';
import { lastRange, PRESETS, TimeRange } from './time-range';

const AGGREGATES = ['AVG', 'MIN', 'MAX', 'P50', 'P95', 'LAST', 'COUNT'];
const DAY = 86_400_000;

/** A target's metrics over time: which metrics, the aggregate, the range (zoom and pan), the chart. */
export function MetricPanel({ target, suggestions }: { target: MetricTarget; suggestions: string[] }) {
  const [metrics, setMetrics] = useState<string[]>(suggestions.slice(0, 2));
  const [aggregate, setAggregate] = useState('AVG');
  const [range, setRange] = useState<TimeRange>(() => lastRange(14 * DAY));
  const data = useMetricData(target, metrics, aggregate, range);
  const width = range.to - range.from;
  const shift = (by: number) => setRange({ from: range.from + by, to: range.to + by });

  return (
    <div className="panel">
      <div className="toolbar">
        <MetricPicker chosen={metrics} suggestions={suggestions} onChange={setMetrics} />
        <label>Aggregate
          <select value={aggregate} onChange={(e) => setAggregate(e.target.value)} aria-label="Aggregate">
            {AGGREGATES.map((a) => <option key={a}>{a}</option>)}
          </select>
        </label>
      </div>
      <div className="toolbar">
        {PRESETS.map(([label, w]) => <button key={label} type="button" onClick={() => setRange(lastRange(w))}>{label}</button>)}
        <button type="button" onClick={() => shift(-width / 2)} aria-label="Earlier">◀</button>
        <button type="button" onClick={() => shift(width / 2)} aria-label="Later">▶</button>
        <button type="button" onClick={() => setRange({ from: range.from + width / 4, to: range.to - width / 4 })}>Zoom in</button>
        <button type="button" onClick={() => setRange({ from: range.from - width / 2, to: range.to + width / 2 })}>Zoom out</button>
        <span className="muted" data-testid="metric-range">
          {new Date(range.from).toISOString().slice(0, 16)} – {new Date(range.to).toISOString().slice(0, 16)} UTC, by {data.bucket.toLowerCase()}
        </span>
        {data.loading && <span className="muted">loading…</span>}
      </div>
      {data.error && <p className="error">{data.error}</p>}
      {metrics.length === 0 ? <p className="muted">Pick a metric.</p> : (
        <MetricChart series={data.series ?? []} events={data.events} alerts={data.alerts} axis={data.window} range={range} onRange={setRange} />
      )}
      <p className="muted" data-testid="metric-summary">
        {data.series?.map((s) => `${s.name}: ${s.points.length} ${data.bucket.toLowerCase()} buckets`).join(' · ')}
        {data.events.length ? ` · ${data.events.length} events` : ''}
        {data.alerts.length ? ` · ${data.alerts.length} alert${data.alerts.length === 1 ? '' : 's'}` : ''}
      </p>
    </div>
  );
}
