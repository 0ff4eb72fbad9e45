import { WeightChange } from './learner';

export interface ClosedEdge { modelVersionId: string; to: Date }
export interface OpenedEdge { modelVersionId: string; weight: number; from: Date; to: Date | null; reason: string }

/**
 * A batch's weight changes as MEMBER edges, the membership history setEnsembleMembers writes
 * too: at each change, a member whose weight moved has its edge ended and a new one begun at the
 * change's time; a member whose weight stayed keeps its edge. Edges the batch both opens and ends
 * are written closed, so the batch's whole history is one statement (cypher/outcomes/save-learner.cypher).
 */
export function membershipEdges(
  members: readonly string[], openWeights: readonly number[], changes: readonly WeightChange[], reason: (c: WeightChange) => string,
): { close: ClosedEdge[]; open: OpenedEdge[] } {
  const close: ClosedEdge[] = [];
  const open: OpenedEdge[] = [];
  const current: (OpenedEdge | null)[] = members.map(() => null); // null: the edge open before the batch
  const weights = [...openWeights];
  for (const change of changes) {
    const at = new Date(change.at);
    members.forEach((modelVersionId, i) => {
      if (change.weights[i] === weights[i]) return;
      const previous = current[i];
      if (previous) previous.to = at;
      else close.push({ modelVersionId, to: at });
      const edge = { modelVersionId, weight: change.weights[i], from: at, to: null, reason: reason(change) };
      open.push(edge);
      current[i] = edge;
      weights[i] = change.weights[i];
    });
  }
  return { close, open };
}
