import { Fragment } from 'react';
import { Link } from '../components/Link';
import { IMPACT } from '../queries';
import { hrefs } from '../router';
import { LineageNode } from '../types';
import { useQuery } from '../useQuery';

interface ImpactItem { distance: number; node: LineageNode; paths: { nodes: LineageNode[]; relationships: string[] }[] }
interface Impact {
  truncated: boolean;
  summary: { total: number; servedDeployments: { name: string; environment: string | null; via: string[] }[] };
  items: { nodes: ImpactItem[] };
}

/** The served deployments a dataset (version, field) reaches, each with the paths that lead there. */
export function ImpactReach({ nodeRef }: { nodeRef: Record<string, string> }) {
  const { data, error, loading } = useQuery<{ impact: Impact }>(IMPACT, { of: nodeRef });
  return (
    <div className="panel" data-testid="impact-reach">
      <h2 style={{ marginTop: 0 }}>Served deployments reached {loading && <span className="muted">loading…</span>}</h2>
      {error && <p className="error">{error}</p>}
      {data && (
        <>
          <p className="muted">
            {data.impact.summary.servedDeployments.length} deployments serve something downstream ·{' '}
            <Link href={hrefs.lineage({ ...nodeRef, direction: 'DOWNSTREAM' })}>draw the lineage</Link>
            {data.impact.truncated ? ' · truncated at the node limit' : ''}
          </p>
          <table>
            <thead><tr><th>Deployment</th><th>Hops</th><th>Paths (shortest first)</th></tr></thead>
            <tbody>
              {data.impact.items.nodes.map((item) => (
                <tr key={item.node.id} data-testid="reached-deployment">
                  <td><Link href={hrefs.deployment(item.node.label)}>{item.node.label}</Link></td>
                  <td>{item.distance}</td>
                  <td>{item.paths.map((p, i) => (
                    <div key={i} className="path">
                      {p.nodes.map((n, j) => (
                        <Fragment key={n.id}>
                          {j > 0 && <span className="arrow" title={p.relationships[j - 1]}>→</span>}
                          <Link href={hrefs.lineage({ type: n.type, id: n.id })}>{n.label}</Link>
                        </Fragment>
                      ))}
                    </div>
                  ))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
