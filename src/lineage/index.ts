import { Module } from '../app/container';
import { ImpactService } from './impact.service';
import { LineageRepository } from './lineage.repository';
import { LineageResolver } from './lineage.resolver';
import { LineageService } from './lineage.service';
import { DEFAULT_LIMITS, TraversalLimits } from './limits';
import { ProvenanceService } from './provenance.service';

/** Traversal bounds, overridable from the environment (MODELGRAPH_LINEAGE_MAX_NODES, MODELGRAPH_LINEAGE_TIMEOUT_MS). */
export function traversalLimits(env: NodeJS.ProcessEnv = process.env): TraversalLimits {
  const int = (value: string | undefined, fallback: number) => (value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : fallback);
  return {
    ...DEFAULT_LIMITS,
    maxNodes: int(env.MODELGRAPH_LINEAGE_MAX_NODES, DEFAULT_LIMITS.maxNodes),
    timeoutMs: int(env.MODELGRAPH_LINEAGE_TIMEOUT_MS, DEFAULT_LIMITS.timeoutMs),
  };
}

export const lineageModule: Module = {
  name: 'lineage',
  resolvers: [LineageResolver],
  register(c) {
    const repo = new LineageRepository(c.db, c.config.traversal);
    const limits = traversalLimits();
    c.set(LineageResolver, new LineageResolver(
      new ImpactService(repo, c.db, limits, c.config.maxPageSize), new ProvenanceService(repo, c.db, limits), new LineageService(repo, c.db, limits)));
  },
};
