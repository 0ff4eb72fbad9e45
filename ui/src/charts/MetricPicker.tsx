import { FormEvent, useState } from 'react';

interface Props {
  chosen: string[];
  /** Names known from the versions' offline metrics; any other name can be typed. */
  suggestions: string[];
  onChange: (metrics: string[]) => void;
}

/** Which metrics the chart draws: the known names as toggles, plus any name typed in. */
export function MetricPicker({ chosen, suggestions, onChange }: Props) {
  const [typed, setTyped] = useState('');
  const toggle = (name: string) => onChange(chosen.includes(name) ? chosen.filter((m) => m !== name) : [...chosen, name]);
  const add = (e: FormEvent) => {
    e.preventDefault();
    const name = typed.trim();
    if (name && !chosen.includes(name)) onChange([...chosen, name]);
    setTyped('');
  };
  const all = [...new Set([...suggestions, ...chosen])];
  return (
    <form className="toolbar" style={{ marginBottom: 0 }} onSubmit={add}>
      <span>Metrics</span>
      {all.map((name) => (
        <label key={name}>
          <input type="checkbox" checked={chosen.includes(name)} onChange={() => toggle(name)} /> {name}
        </label>
      ))}
      <input value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="another metric…" aria-label="Add a metric" size={14} />
    </form>
  );
}
