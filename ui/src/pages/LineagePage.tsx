import { useCallback, useEffect, useMemo, useState } from 'react';
import { gql } from '../api';
import { warmUpLayout } from '../lineage/elk-layout';
import { drawnGraph, mergeGraphs } from '../lineage/graph-model';
import { LineageCanvas } from '../lineage/LineageCanvas';
import { nodeRefFrom } from '../lineage/node-ref';
import { LINEAGE } from '../queries';
import { useRoute } from '../router';
import { LineageGraph } from '../types';
import { useQuery } from '../useQuery';
import { LineageControls } from './LineageControls';
import { LineageLegend } from './LineageLegend';
import { NodeDetails } from './NodeDetails';

const NONE: LineageGraph[] = [];

/** The lineage around a node as a layered graph, as it stood at the slider's time. */
export function LineagePage() {
  const { params } = useRoute();
  const ref = nodeRefFrom(params);
  const direction = params.get('direction') ?? 'BOTH';
  const depth = Number(params.get('depth') ?? 3);
  const asOf = params.get('asOf');
  const showFields = params.get('fields') === '1';
  const variables = { node: ref, direction, depth, asOf };
  const { data, error, loading } = useQuery<{ lineage: LineageGraph }>(LINEAGE, variables, !ref);
  // The layout worker starts while the lineage is asked for, not after it arrived.
  useEffect(() => warmUpLayout(), []);
  // Expansions belong to the graph they expanded: another node, direction, depth or time starts afresh.
  const [expanded, setExpanded] = useState<{ key: string; graphs: LineageGraph[] }>({ key: '', graphs: [] });
  const [selected, setSelected] = useState<string | null>(null);
  const [expandError, setExpandError] = useState<string | null>(null);
  const key = JSON.stringify(variables);
  const expansions = expanded.key === key ? expanded.graphs : NONE;
  useEffect(() => setSelected(null), [key]);

  const merged = useMemo(() => (data ? mergeGraphs([data.lineage, ...expansions]) : null), [data, expansions]);
  const drawn = useMemo(() => (merged ? drawnGraph(merged, showFields) : null), [merged, showFields]);
  const expand = useCallback((id: string) => {
    const node = merged?.nodes.find((n) => n.id === id);
    if (!node) return;
    setExpandError(null);
    gql<{ lineage: LineageGraph }>(LINEAGE, { node: { type: node.type, id }, direction: 'BOTH', depth: 1, asOf })
      .then((r) => setExpanded((e) => ({ key, graphs: [...(e.key === key ? e.graphs : []), r.lineage] })))
      .catch((e: Error) => setExpandError(e.message));
  }, [merged, asOf, key]);
  const selectedNode = merged?.nodes.find((n) => n.id === selected) ?? null;

  return (
    <>
      <h1>Lineage</h1>
      <LineageControls nodeRef={ref} direction={direction} depth={depth} asOf={asOf} showFields={showFields} />
      {error && <p className="error">{error}</p>}
      {expandError && <p className="error">{expandError}</p>}
      {!ref && <p className="muted">Name a node above, or open one from a model, deployment or ensemble page.</p>}
      {drawn && (
        <p className="muted" data-testid="lineage-summary">
          {drawn.nodes.length} nodes, {drawn.edges.length} edges drawn{drawn.hiddenFields ? ` (${drawn.hiddenFields} fields folded: tick “fields” to see them)` : ''}
          {merged?.truncated ? ' · truncated at the node limit' : ''}{loading ? ' · loading…' : ''}
        </p>
      )}
      <LineageLegend />
      <div className="lineage">
        {drawn ? <LineageCanvas graph={drawn} selected={selected} onSelect={setSelected} onExpand={expand} /> : <div className="canvas" />}
        <NodeDetails node={selectedNode} graph={merged} onExpand={expand} />
      </div>
    </>
  );
}
