import { Link } from '../components/Link';
import { NODE_TYPES } from '../lineage/lineage-style';
import { pageOf } from '../lineage/node-ref';
import { hrefs } from '../router';
import { LineageGraph, LineageNode } from '../types';

interface Props {
  node: LineageNode | null;
  graph: LineageGraph | null;
  onExpand: (id: string) => void;
}

/** The clicked node: what it is, its neighbours, its page, expand it or start the lineage from it. */
export function NodeDetails({ node, graph, onExpand }: Props) {
  if (!node || !graph) return <div className="panel muted">Click a node for its details; double-click to expand it.</div>;
  const label = (id: string) => graph.nodes.find((n) => n.id === id)?.label ?? id;
  const out = graph.edges.filter((e) => e.from === node.id);
  const into = graph.edges.filter((e) => e.to === node.id);
  const page = pageOf(node);
  return (
    <div className="panel" data-testid="node-details">
      <div className="muted">{NODE_TYPES[node.type]?.name ?? node.type}</div>
      <h2 style={{ marginTop: 2, wordBreak: 'break-all' }}>{node.label}</h2>
      <div className="muted" style={{ fontSize: 11, wordBreak: 'break-all' }}>id {node.id}</div>
      <div className="toolbar" style={{ marginTop: 8 }}>
        <button type="button" onClick={() => onExpand(node.id)}>Expand</button>
        <Link href={hrefs.lineage({ type: node.type, id: node.id })}>Start here</Link>
        {page && <Link href={page}>Open its page</Link>}
      </div>
      <h2>Relationships ({out.length + into.length})</h2>
      <ul style={{ paddingLeft: 16, margin: 0, fontSize: 12 }}>
        {out.slice(0, 30).map((e) => <li key={`o${e.type}${e.to}`}>{e.type} → {label(e.to)}</li>)}
        {into.slice(0, 30).map((e) => <li key={`i${e.type}${e.from}`}>{label(e.from)} {e.type} → this</li>)}
      </ul>
    </div>
  );
}
