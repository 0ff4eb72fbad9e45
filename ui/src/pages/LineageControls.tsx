import { FormEvent, useEffect, useState } from 'react';
import { NODE_TYPES } from '../lineage/lineage-style';
import { setParams } from '../router';
import { TimeSlider } from './TimeSlider';

interface Props {
  nodeRef: Record<string, string> | null;
  direction: string;
  depth: number;
  asOf: string | null;
  showFields: boolean;
}

/** Which fields of a NodeRef each node type is named by (an id works for every type). */
const KEY_FIELDS: Record<string, string[]> = {
  DATASET: ['namespace', 'name'], DATASET_VERSION: ['namespace', 'name', 'version'], FIELD: ['namespace', 'name', 'version', 'field'],
  FEATURE: ['namespace', 'name'], JOB: ['namespace', 'name'], RUN: ['id'], MODEL: ['name'], MODEL_VERSION: ['model', 'version'],
  ENSEMBLE: ['name'], DEPLOYMENT: ['name'],
};

/** The node to start from, the direction, the depth, field level and the asOf slider. */
export function LineageControls({ nodeRef, direction, depth, asOf, showFields }: Props) {
  const [draft, setDraft] = useState<Record<string, string>>(nodeRef ?? { type: 'MODEL' });
  useEffect(() => { if (nodeRef) setDraft(nodeRef); }, [JSON.stringify(nodeRef)]);
  const type = draft.type ?? 'MODEL';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ref = Object.fromEntries(['type', ...KEY_FIELDS[type]].map((k) => [k, draft[k] ?? null]));
    setParams({ id: null, namespace: null, name: null, version: null, field: null, model: null, ...ref });
  };
  return (
    <div className="panel">
      <form className="toolbar" onSubmit={submit}>
        <select value={type} onChange={(e) => setDraft({ type: e.target.value })} aria-label="Node type">
          {Object.keys(NODE_TYPES).map((t) => <option key={t} value={t}>{NODE_TYPES[t].name}</option>)}
        </select>
        {KEY_FIELDS[type].map((k) => (
          <input key={k} placeholder={k} aria-label={k} value={draft[k] ?? ''} size={12} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} />
        ))}
        <button type="submit">Show lineage</button>
      </form>
      <div className="toolbar">
        <label>Direction
          <select value={direction} onChange={(e) => setParams({ direction: e.target.value })} aria-label="Direction">
            <option value="BOTH">upstream and downstream</option>
            <option value="UPSTREAM">upstream</option>
            <option value="DOWNSTREAM">downstream</option>
          </select>
        </label>
        <label>Depth <input type="number" min={1} max={20} value={depth} aria-label="Depth" style={{ width: 60 }}
          onChange={(e) => setParams({ depth: e.target.value })} /></label>
        <label><input type="checkbox" checked={showFields} onChange={(e) => setParams({ fields: e.target.checked ? '1' : null })} /> fields</label>
      </div>
      <TimeSlider asOf={asOf} onChange={(at) => setParams({ asOf: at })} />
    </div>
  );
}
