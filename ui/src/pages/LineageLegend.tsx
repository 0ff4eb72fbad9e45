import { NODE_TYPES } from '../lineage/lineage-style';

/** Which colour and shape is which node type. */
export function LineageLegend() {
  return (
    <p className="legend">
      {Object.entries(NODE_TYPES).map(([type, t]) => (
        <span key={type}><i style={{ background: t.colour }} />{t.name} <span className="muted">({t.shape})</span></span>
      ))}
      <span className="muted">· dotted: through a field · dashed red: serving</span>
    </p>
  );
}
