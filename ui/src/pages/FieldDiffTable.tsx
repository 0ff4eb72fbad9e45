import { formatNumber } from '../types';

export interface FieldDiff {
  schemaChanges: { field: string; change: string; fromType: string | null; toType: string | null }[];
  fields: { field: string; kind: string | null; psi: number | null; jensenShannon: number | null; wasserstein: number | null; ks: number | null; drifted: boolean | null; note: string | null }[];
}

/** The diff per field: schema changes (added, removed, retyped), then each compared field's drift. */
export function FieldDiffTable({ diff }: { diff: FieldDiff }) {
  return (
    <>
      <h2>Per field</h2>
      <table data-testid="field-diff">
        <thead><tr><th>Field</th><th>Schema</th><th>PSI</th><th>Jensen–Shannon</th><th>Wasserstein</th><th>KS</th><th>Drifted</th></tr></thead>
        <tbody>
          {diff.schemaChanges.map((c) => (
            <tr key={`s${c.field}`}>
              <td>{c.field}</td>
              <td><span className={`tag ${c.change === 'ADDED' ? 'ok' : 'bad'}`}>{c.change.toLowerCase().replace(/_/g, ' ')}</span>
                {c.fromType || c.toType ? <span className="muted"> {c.fromType ?? '∅'} → {c.toType ?? '∅'}</span> : null}</td>
              <td colSpan={5} />
            </tr>
          ))}
          {diff.fields.map((f) => (
            <tr key={`f${f.field}`}>
              <td>{f.field} <span className="muted">{f.kind?.toLowerCase()}</span></td>
              <td className="muted">same</td>
              <td>{formatNumber(f.psi)}</td>
              <td>{formatNumber(f.jensenShannon)}</td>
              <td>{formatNumber(f.wasserstein)}</td>
              <td>{formatNumber(f.ks)}</td>
              <td>{f.drifted === null ? <span className="muted">{f.note ?? 'not compared'}</span> : f.drifted ? <span className="tag warn">drifted</span> : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
