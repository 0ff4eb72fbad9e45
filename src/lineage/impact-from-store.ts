import { encodeCursor } from '../common/connection';
import { NodeType } from '../graph/node-types';
import { parseTransformations } from '../openlineage/field-derivation.types';
import { AffectedDeployment, ImpactResult } from './impact.types';
import { ImpactQuery, byTypeOrder, deploymentOrder, toServing } from './impact-in-memory';
import { LineageNode } from './lineage.types';
import { ServingRow } from './traversal';

/**
 * The answer of modelgraph.impact (neo4j/src/main/java/dev/modelgraph/ImpactProcedure.java): one
 * page and the summary, with every node it mentions listed once in `nodes` ([id, type, label]) and
 * referred to by its index there.
 */
export interface StoreImpactAnswer {
  origins: number[];
  truncated: boolean;
  items: {
    node: number; distance: number; truncated: boolean; served: boolean; serving: ServingRow[];
    paths: { nodes: number[]; steps: [type: string, transformations: string | null][] }[];
  }[];
  hasNextPage: boolean;
  endCursor: [number, string, string, string] | null;
  total: number;
  byType: Partial<Record<NodeType, number>>;
  /** In the order met; sorted here, by name in the locale's order (which Java's String order is not). */
  servedDeployments: AffectedDeployment[];
  nodes: [id: string, type: NodeType, label: string][];
}

/** The GraphQL answer from the store's: the same ImpactResult the in-memory code gives. */
export function answerFromStore(a: StoreImpactAnswer, q: ImpactQuery): ImpactResult {
  const nodes: LineageNode[] = a.nodes.map(([id, type, label]) => ({ id, type, label }));
  const origins = a.origins.map((i) => nodes[i]);
  return {
    origin: origins[0], origins, asOf: q.asOf, knownAt: q.knownAt, depth: q.depth, truncated: a.truncated,
    items: {
      nodes: a.items.map((i) => ({
        node: nodes[i.node], distance: i.distance, truncated: i.truncated, served: i.served, serving: i.serving.map(toServing),
        paths: i.paths.map((p) => ({
          nodes: p.nodes.map((n) => nodes[n]), relationships: p.steps.map(([type]) => type),
          steps: p.steps.map(([type, transformations]) => ({ type, transformations: parseTransformations(transformations) })),
        })),
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
