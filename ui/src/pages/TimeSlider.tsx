import { useEffect, useRef, useState } from 'react';

const DAY = 86_400_000;
const SPANS: [string, number][] = [['last day', DAY], ['last week', 7 * DAY], ['last 30 days', 30 * DAY], ['last year', 365 * DAY]];
const STEPS = 200;

interface Props {
  asOf: string | null;
  /** The chosen time (ISO), or null for now; called once the slider rests. */
  onChange: (asOf: string | null) => void;
}

/** "As of": drag back in time and the graph is redrawn as it stood then (rightmost: now). */
export function TimeSlider({ asOf, onChange }: Props) {
  const [span, setSpan] = useState(() => (asOf ? Math.max(30 * DAY, Date.now() - Date.parse(asOf)) : 30 * DAY));
  const [now] = useState(() => Date.now());
  const toStep = (at: string | null) => (at ? Math.round(STEPS - ((now - Date.parse(at)) / span) * STEPS) : STEPS);
  const [step, setStep] = useState(() => toStep(asOf));
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => setStep(toStep(asOf)), [asOf, span]);
  const atOf = (s: number) => (s >= STEPS ? null : new Date(now - ((STEPS - s) / STEPS) * span).toISOString());

  const move = (s: number) => {
    setStep(s);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => onChange(atOf(s)), 350);
  };
  const shown = atOf(step);
  return (
    <div className="toolbar">
      <label>As of
        <input type="range" min={0} max={STEPS} value={step} onChange={(e) => move(Number(e.target.value))} aria-label="As of" style={{ width: 360 }} />
      </label>
      <strong data-testid="as-of">{shown ? shown.replace('T', ' ').slice(0, 16) + ' UTC' : 'now'}</strong>
      <select value={span} onChange={(e) => setSpan(Number(e.target.value))} aria-label="Slider span">
        {SPANS.map(([label, ms]) => <option key={label} value={ms}>{label}</option>)}
      </select>
      {shown && <button type="button" onClick={() => move(STEPS)}>Now</button>}
    </div>
  );
}
