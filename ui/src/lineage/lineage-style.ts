import type { StylesheetJson } from 'cytoscape';

/** Each node type's colour and shape (both, so the types stay apart in print and for colour-blind eyes). */
export const NODE_TYPES: Record<string, { colour: string; shape: string; name: string }> = {
  DATASET: { colour: '#5b8def', shape: 'barrel', name: 'dataset' },
  DATASET_VERSION: { colour: '#8fb1f5', shape: 'round-rectangle', name: 'dataset version' },
  FIELD: { colour: '#c9d8fb', shape: 'ellipse', name: 'field' },
  FEATURE: { colour: '#f2b84b', shape: 'diamond', name: 'feature' },
  JOB: { colour: '#9b8ad6', shape: 'hexagon', name: 'job' },
  RUN: { colour: '#c6bbeb', shape: 'tag', name: 'run' },
  MODEL: { colour: '#2fa37a', shape: 'round-pentagon', name: 'model' },
  MODEL_VERSION: { colour: '#7fd1ae', shape: 'round-rectangle', name: 'model version' },
  ENSEMBLE: { colour: '#e07b9a', shape: 'round-octagon', name: 'ensemble' },
  DEPLOYMENT: { colour: '#e0573f', shape: 'round-tag', name: 'deployment' },
};

export const LINEAGE_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)', 'font-size': 10, 'text-valign': 'center', 'text-halign': 'center', 'text-wrap': 'ellipsis',
      'text-max-width': '120px', width: 130, height: 32, 'border-width': 1, 'border-color': '#50586a', color: '#1d2330',
      // Labels too small to read (a large graph fitted to the canvas) are not drawn: much less to paint.
      'min-zoomed-font-size': 6,
    },
  },
  ...Object.entries(NODE_TYPES).map(([type, t]) => ({
    selector: `node[type = "${type}"]`,
    style: { 'background-color': t.colour, shape: t.shape },
  })) as StylesheetJson,
  { selector: 'node[type = "FIELD"]', style: { width: 100, height: 24, 'font-size': 9 } },
  { selector: 'node[?origin]', style: { 'border-width': 3, 'border-color': '#1d2330' } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#2f6fde', 'overlay-opacity': 0 } },
  {
    selector: 'edge',
    style: { width: 1.2, 'line-color': '#9aa3b5', 'target-arrow-color': '#9aa3b5', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.8 },
  },
  { selector: 'edge[type = "SERVES"], edge[type = "MEMBER"]', style: { 'line-color': '#e0573f', 'target-arrow-color': '#e0573f', 'line-style': 'dashed' } },
  { selector: 'edge[?viaField]', style: { 'line-style': 'dotted' } },
  // Large graphs: straight edges, far cheaper to draw than bundled beziers.
  { selector: 'edge.dense', style: { 'curve-style': 'straight' } },
  // Added, not yet placed by the layout (all at the origin): not drawn until ELK has placed them.
  { selector: '.unplaced', style: { visibility: 'hidden' } },
];
