import { encodeCursor } from '../common/connection';
import { NodeType } from '../graph/node-types';
import { parseTransformations } from '../openlineage/field-derivation.types';
import { AffectedDeployment, ImpactPath, ImpactResult, PathStep } from './impact.types';
import { ImpactQuery, byTypeOrder, deploymentOrder, toServing } from './impact-in-memory';
import { LineageNode } from './lineage.types';
import { ServingRow } from './traversal';

/**
 * The answer of modelgraph.impact (neo4j/src/main/java/dev/modelgraph/ImpactProcedure.java): one
 * page and the summary, with every node it mentions listed once in `nodes` ([id, type, label]) and
 * every edge its paths take once in `edges` ([type, transformations]), both referred to by index.
 * An item is an array and a path [node, edge, node, ..., node]: fewer values to write in the store
 * and to parse here than keyed objects.
 */
export interface StoreImpactAnswer {
  origins: number[];
  truncated: boolean;
  items: [node: number, distance: number, truncated: boolean, served: boolean, serving: ServingRow[], paths: number[][]][];
  hasNextPage: boolean;
  endCursor: [number, string, string, string] | null;
  total: number;
  byType: Partial<Record<NodeType, number>>;
  /** In the order met; sorted here, by name in the locale's order (which Java's String order is not). */
  servedDeployments: AffectedDeployment[];
  edges: [type: string, transformations: string | null][];
  nodes: [id: string, type: NodeType, label: string][];
}

/** The GraphQL answer from the store's: the same ImpactResult the in-memory code gives. */
export function answerFromStore(a: StoreImpactAnswer, q: ImpactQuery): ImpactResult {
  const nodes: LineageNode[] = a.nodes.map(([id, type, label]) => ({ id, type, label }));
  const origins = a.origins.map((i) => nodes[i]);
  const steps = a.edges.map(([type, transformations]) => ({ type, transformations: parseTransformations(transformations) }));
  return {
    origin: origins[0], origins, asOf: q.asOf, knownAt: q.knownAt, depth: q.depth, truncated: a.truncated,
    items: {
      nodes: a.items.map(([node, distance, truncated, served, serving, paths]) => ({
        node: nodes[node], distance, truncated, served, serving: serving.map(toServing), paths: paths.map((p) => pathOf(p, nodes, steps)),
      })),
      pageInfo: { hasNextPage: a.hasNextPage, endCursor: a.endCursor ? encodeCursor(a.endCursor) : null },
    },
    summary: {
      total: a.total,
      byType: byTypeOrder(Object.entries(a.byType).map(([type, count]) => ({ type: type as NodeType, count: count! }))),
      servedDeployments: deploymentOrder(a.servedDeployments),
    },
  };
}

/** [node, edge, node, ..., node] as an ImpactPath. */
function pathOf(path: number[], nodes: LineageNode[], steps: PathStep[]): ImpactPath {
  const out: ImpactPath = { nodes: [nodes[path[0]]], relationships: [], steps: [] };
  for (let k = 1; k < path.length; k += 2) {
    const step = steps[path[k]];
    out.relationships.push(step.type);
    out.steps.push(step);
    out.nodes.push(nodes[path[k + 1]]);
  }
  return out;
}
