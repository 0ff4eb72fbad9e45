import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection';
import { NodeType } from '../graph/node-types';
import { FieldTransformation } from '../openlineage/field-derivation.types';
import { LineageNode, ORIGIN_DESCRIPTION, ORIGINS_DESCRIPTION } from './lineage.types';
import { DEFAULT_TRAVERSAL_LIMITS } from './traversal-limits';

// simpleResolvers: these answers are plain objects and no field middleware applies, so graphql-js reads
// each property itself instead of through type-graphql's per-field wrapper (an impact page has thousands).
@ObjectType({ simpleResolvers: true, description: 'A deployment serving a model version (directly, or through an ensemble) or an ensemble, at asOf.' })
export class ImpactServing {
  @Field(() => ID) deploymentId!: string;
  @Field() deployment!: string;
  @Field(() => String, { nullable: true }) environment!: string | null;
  @Field(() => Float, { nullable: true, description: "The deployment's traffic share to what it serves (0..1]." })
  trafficShare!: number | null;
  @Field({ description: 'True when the deployment serves this node itself, false when through an ensemble.' }) direct!: boolean;
  @Field(() => String, { nullable: true, description: 'The ensemble in between, when not direct.' }) ensemble!: string | null;
  @Field(() => Float, { nullable: true, description: "The model version's weight in that ensemble." }) weight!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'One hop of an impact path: the relationship between two consecutive nodes.' })
export class PathStep {
  @Field({ description: 'The relationship type, e.g. DERIVED_FROM (stored against the flow: the derived field points to its input).' })
  type!: string;
  @Field(() => [FieldTransformation], { description: "A field-to-field DERIVED_FROM's column-lineage transformations (OpenLineage columnLineage); empty for any other relationship." })
  transformations!: FieldTransformation[];
}

@ObjectType({ simpleResolvers: true, description: 'One path from the origin: its nodes in flow order and the relationships between them.' })
export class ImpactPath {
  @Field(() => [LineageNode]) nodes!: LineageNode[];
  @Field(() => [String], { description: 'The relationship types between consecutive nodes (as steps[].type).' }) relationships!: string[];
  @Field(() => [PathStep], { description: 'The relationships between consecutive nodes, with what each does to the data.' }) steps!: PathStep[];
}

@ObjectType({ simpleResolvers: true, description: 'A node downstream of the origins.' })
export class ImpactItem {
  @Field(() => LineageNode) node!: LineageNode;
  @Field(() => Int, { description: 'Hops on the shortest path from the nearest origin.' }) distance!: number;
  // Costed as the default number of paths per node (the query cost cannot see the maxPaths argument two levels up).
  @Field(() => [ImpactPath], { description: 'Every distinct path from an origin (at most depth hops), up to maxPaths, shortest first.',
    complexity: ({ childComplexity }) => 1 + DEFAULT_TRAVERSAL_LIMITS.defaultPaths * childComplexity })
  paths!: ImpactPath[];
  @Field({ description: 'True when there are more paths than listed.' }) truncated!: boolean;
  @Field({ description: 'For model versions and ensembles: served at asOf; for deployments: always true (they are reached only while serving).' })
  served!: boolean;
  @Field(() => [ImpactServing], { description: 'For model versions and ensembles: where they are served at asOf; direct serving first, then through ensembles, by ensemble and deployment name.' })
  serving!: ImpactServing[];
}

@ObjectType({ simpleResolvers: true }) export class ImpactItemConnection extends Connection(ImpactItem) {}

@ObjectType({ simpleResolvers: true })
export class TypeCount {
  @Field(() => NodeType) type!: NodeType;
  @Field(() => Int) count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A deployment serving something affected, and through which model versions or ensembles.' })
export class AffectedDeployment {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) environment!: string | null;
  @Field(() => [String], { description: 'Labels of the affected model versions or ensembles it serves.' }) via!: string[];
}

@ObjectType({ simpleResolvers: true })
export class ImpactSummary {
  @Field(() => Int, { description: 'Affected nodes (after servedOnly, before the type filter and paging).' }) total!: number;
  @Field(() => [TypeCount]) byType!: TypeCount[];
  @Field(() => [AffectedDeployment], { description: 'The deployments serving an origin or something affected at asOf (as recorded at knownAt).' })
  servedDeployments!: AffectedDeployment[];
}

@ObjectType({ simpleResolvers: true, description: 'What a change to the origins can affect, as the graph stood at asOf (default: now) as recorded at knownAt (default: everything recorded).' })
export class ImpactResult {
  @Field(() => LineageNode, { description: ORIGIN_DESCRIPTION }) origin!: LineageNode;
  @Field(() => [LineageNode], { description: ORIGINS_DESCRIPTION }) origins!: LineageNode[];
  @Field(() => Date, { nullable: true }) asOf!: Date | null;
  @Field(() => Date, { nullable: true }) knownAt!: Date | null;
  @Field(() => Int) depth!: number;
  @Field(() => ImpactItemConnection) items!: ImpactItemConnection;
  @Field(() => ImpactSummary) summary!: ImpactSummary;
  @Field({ description: 'True when the node limit cut the traversal short (nodes beyond it are missing).' }) truncated!: boolean;
}
