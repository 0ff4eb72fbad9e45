import { Deployment, DeploymentChange, DeploymentServing } from './deployment.types';

/**
 * Rebuilds a deployment's changes from its SERVES edges: every instant at which edges were opened
 * is a change (deploy/shiftTraffic open the whole new set at once), and retirement is the last one.
 * What was served after a change is every edge holding at that instant.
 */
export function historyOf(edges: DeploymentServing[], d: Deployment): DeploymentChange[] {
  const times = [...new Set(edges.map((e) => e.from.getTime()))].sort((a, b) => a - b);
  const changes: DeploymentChange[] = times.map((t) => {
    const serving = edges.filter((e) => e.from.getTime() <= t && (e.to === null || e.to.getTime() > t));
    const opened = serving.find((e) => e.from.getTime() === t);
    return { at: new Date(t), reason: opened?.reason ?? null, serving };
  });
  if (d.retiredAt) changes.push({ at: d.retiredAt, reason: d.retiredReason, serving: [] });
  return changes;
}
