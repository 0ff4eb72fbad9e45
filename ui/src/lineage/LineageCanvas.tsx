import cytoscape, { Core } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { LARGE_GRAPH_NODES, layOut } from './elk-layout';
import { DrawnGraph, toElements } from './graph-model';
import { LINEAGE_STYLE } from './lineage-style';
import { markRendered } from './render-timing';

interface Props {
  graph: DrawnGraph;
  selected: string | null;
  onSelect: (id: string | null) => void;
  onExpand: (id: string) => void;
}

/**
 * The lineage drawn with Cytoscape.js (pan: drag the background; zoom: the wheel), laid out by ELK
 * in a Web Worker (elk-layout.ts).
 * Click a node for its details, double-click to expand it. Redrawn whenever the graph changes.
 */
export function LineageCanvas({ graph, selected, onSelect, onExpand }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const handlers = useRef({ onSelect, onExpand });
  handlers.current = { onSelect, onExpand };
  // ELK lays out asynchronously and then moves the nodes it was given: a new graph waits until the
  // running layout is done, or that layout would move nodes that were removed meanwhile.
  const running = useRef(false);
  const pending = useRef<DrawnGraph | null>(null);

  useEffect(() => {
    const c = cytoscape({ container: el.current, style: LINEAGE_STYLE, minZoom: 0.05, maxZoom: 3, wheelSensitivity: 0.3 });
    c.on('tap', 'node', (e) => handlers.current.onSelect(e.target.id()));
    c.on('tap', (e) => { if (e.target === c) handlers.current.onSelect(null); });
    c.on('dbltap', 'node', (e) => handlers.current.onExpand(e.target.id()));
    cy.current = c;
    // For the browser tests and the benchmark: the instance, to find where a node was drawn.
    (window as unknown as { modelgraphLineage?: Core }).modelgraphLineage = c;
    return () => { c.destroy(); running.current = false; pending.current = null; };
  }, []);

  useEffect(() => {
    const c = cy.current;
    if (!c) return;
    const draw = (g: DrawnGraph) => {
      running.current = true;
      const started = performance.now();
      c.batch(() => {
        c.elements().remove();
        c.add(toElements(g)).addClass('unplaced');
        if (g.nodes.length >= LARGE_GRAPH_NODES) c.edges().addClass('dense');
      });
      const done = () => {
        running.current = false;
        const next = pending.current;
        pending.current = null;
        if (next && !c.destroyed()) draw(next);
      };
      layOut(c).then((workerMs) => {
        if (workerMs === null) return;
        c.elements().removeClass('unplaced');
        requestAnimationFrame(() => { markRendered(c.nodes().length, c.edges().length, performance.now() - started, workerMs); done(); });
      }, (e: Error) => { console.error(`The lineage layout failed: ${e.message}`); done(); });
    };
    if (running.current) pending.current = graph;
    else draw(graph);
  }, [graph]);

  useEffect(() => {
    const c = cy.current;
    if (!c) return;
    c.nodes(':selected').unselect();
    if (selected) c.getElementById(selected).select();
  }, [selected, graph]);

  return <div ref={el} className="canvas" data-testid="lineage-canvas" />;
}
