import { Arg, Int, Query, Resolver } from 'type-graphql';
import { PageInput } from '../common/connection';
import { ImpactService } from './impact.service';
import { ImpactResult } from './impact.types';
import { LineageService } from './lineage.service';
import { NodeType } from '../graph/node-types';
import { LineageDirection, LineageGraph, NodeRef } from './lineage.types';
import { ProvenanceService } from './provenance.service';
import { Provenance } from './provenance.types';

const AS_OF = 'World time: answer as the graph stood then (default: now): what had been created by then, and the intervals (serving, membership) that held then.';
const KNOWN_AT = 'Record time: answer with only what had been recorded by then (default: everything), relationships retracted or intervals ' +
  'closed later still as they were: what this query would have answered at that moment.';

@Resolver()
export class LineageResolver {
  constructor(private readonly impacts: ImpactService, private readonly provenances: ProvenanceService, private readonly lineages: LineageService) {}

  @Query(() => ImpactResult, { description: 'Everything downstream of a dataset, dataset version, field, feature, job or model version: ' +
    'what a change to it can affect, up to the deployments serving it. Depth counts hops (a run is a hop). A reference without a ' +
    'version covers every version: a DATASET expands to all its versions, a FIELD without version names that field in every version ' +
    '(all listed in origins).' })
  impact(@Arg('of', () => NodeRef) of: NodeRef,
         @Arg('depth', () => Int, { nullable: true, description: 'Hops (default 10, at most 20).' }) depth?: number,
         @Arg('maxPaths', () => Int, { nullable: true, description: 'Paths listed per node (default 10, at most 100).' }) maxPaths?: number,
         @Arg('servedOnly', { nullable: true, description: 'Only what leads to a deployment serving at asOf.' }) servedOnly?: boolean,
         @Arg('asOf', { nullable: true, description: AS_OF }) asOf?: Date,
         @Arg('types', () => [NodeType], { nullable: true, description: 'List only these node types (the summary counts all).' }) types?: NodeType[],
         @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
         @Arg('knownAt', { nullable: true, description: KNOWN_AT }) knownAt?: Date) {
    return this.impacts.impact({ of, depth, maxPaths, servedOnly, asOf, knownAt, types, page });
  }

  @Query(() => Provenance, { description: 'The upstream closure of any node (a deployment, ensemble, model, model version, feature, field, dataset, ' +
    'dataset version, job or run), down to raw datasets. A dataset or model covers all its versions, a job all its runs.' })
  provenance(@Arg('of', () => NodeRef) of: NodeRef,
             @Arg('asOf', { nullable: true, description: AS_OF }) asOf?: Date,
             @Arg('depth', () => Int, { nullable: true, description: 'Hops (default and at most 20).' }) depth?: number,
             @Arg('knownAt', { nullable: true, description: KNOWN_AT }) knownAt?: Date) {
    return this.provenances.provenance(of, { asOf, knownAt }, depth);
  }

  @Query(() => LineageGraph, { description: 'The subgraph around a node, for drawing.' })
  lineage(@Arg('node', () => NodeRef) node: NodeRef,
          @Arg('direction', () => LineageDirection, { defaultValue: LineageDirection.BOTH }) direction: LineageDirection,
          @Arg('depth', () => Int, { nullable: true, description: 'Hops (default 10, at most 20).' }) depth?: number,
          @Arg('asOf', { nullable: true, description: AS_OF }) asOf?: Date,
          @Arg('knownAt', { nullable: true, description: KNOWN_AT }) knownAt?: Date) {
    return this.lineages.lineage(node, direction, depth, { asOf, knownAt });
  }
}
