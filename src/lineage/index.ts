import { Module } from '../app/container';
import { Config } from '../config';
import { ImpactService } from './impact.service';
import { LineageRepository } from './lineage.repository';
import { LineageResolver } from './lineage.resolver';
import { LineageService } from './lineage.service';
import { DEFAULT_TRAVERSAL_LIMITS, TraversalLimits } from './traversal-limits';
import { ProvenanceService } from './provenance.service';

/** Traversal bounds: the defaults, with the node and time bounds of the Config (MODELGRAPH_LINEAGE_MAX_NODES, MODELGRAPH_LINEAGE_TIMEOUT_MS). */
export function traversalLimits(config: Config): TraversalLimits {
  return { ...DEFAULT_TRAVERSAL_LIMITS, ...config.traversalBounds };
}

export const lineageModule: Module = {
  name: 'lineage',
  resolvers: [LineageResolver],
  register(c) {
    const repo = new LineageRepository(c.db, c.config.traversal);
    const limits = traversalLimits(c.config);
    c.set(LineageResolver, new LineageResolver(
      new ImpactService(repo, c.db, limits, c.config.maxPageSize), new ProvenanceService(repo, c.db, limits), new LineageService(repo, c.db, limits)));
  },
};
