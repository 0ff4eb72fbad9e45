import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LineageEdge, LineageNode, ORIGIN_DESCRIPTION, ORIGINS_DESCRIPTION } from './lineage.types';

@ObjectType({ description: 'What a deployment serves (a model version or an ensemble), with its traffic share.' })
export class ProvenanceServed {
  @Field(() => LineageNode) deployment!: LineageNode;
  @Field(() => LineageNode) target!: LineageNode;
  @Field(() => Float, { nullable: true }) trafficShare!: number | null;
}

@ObjectType({ description: 'A model version in an ensemble, with its weight.' })
export class ProvenanceMember {
  @Field(() => LineageNode) ensemble!: LineageNode;
  @Field(() => LineageNode) modelVersion!: LineageNode;
  @Field(() => Float, { nullable: true }) weight!: number | null;
}

@ObjectType({ description: 'A model version trained on a dataset version, in a role (TRAIN, VALIDATION, TEST).' })
export class ProvenanceTraining {
  @Field(() => LineageNode) modelVersion!: LineageNode;
  @Field(() => LineageNode) datasetVersion!: LineageNode;
  @Field(() => String, { nullable: true }) role!: string | null;
}

@ObjectType({ description: 'A model version using a feature, with its importance.' })
export class ProvenanceFeatureUse {
  @Field(() => LineageNode) modelVersion!: LineageNode;
  @Field(() => LineageNode) feature!: LineageNode;
  @Field(() => Float, { nullable: true }) importance!: number | null;
}

@ObjectType({ description: 'A run in the closure: its job, code version, parameters, and what it read, wrote and trained.' })
export class ProvenanceRun {
  @Field(() => LineageNode) run!: LineageNode;
  @Field() runId!: string;
  @Field(() => String, { nullable: true }) job!: string | null;
  @Field(() => String, { nullable: true }) state!: string | null;
  @Field(() => String, { nullable: true }) codeVersion!: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) parameters!: Record<string, unknown> | null;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => [LineageNode]) read!: LineageNode[];
  @Field(() => [LineageNode]) wrote!: LineageNode[];
  @Field(() => [LineageNode], { description: 'The model versions this run produced (PRODUCED_BY).' }) produced!: LineageNode[];
}

@ObjectType({ description: 'An exact dataset version in the closure; raw when no run in the graph wrote it.' })
export class ProvenanceDatasetVersion {
  @Field(() => LineageNode) datasetVersion!: LineageNode;
  @Field(() => LineageNode, { nullable: true }) dataset!: LineageNode | null;
  @Field() raw!: boolean;
}

@ObjectType({ description: 'The upstream closure of the origins, down to raw datasets, at asOf as recorded at knownAt. Each list ' +
  'holds the nodes of its type in the closure, the origins included (a dataset version origin is among datasetVersions).' })
export class Provenance {
  @Field(() => LineageNode, { description: ORIGIN_DESCRIPTION }) origin!: LineageNode;
  @Field(() => [LineageNode], { description: ORIGINS_DESCRIPTION }) origins!: LineageNode[];
  @Field(() => Date, { nullable: true }) asOf!: Date | null;
  @Field(() => Date, { nullable: true }) knownAt!: Date | null;
  @Field(() => [ProvenanceServed]) served!: ProvenanceServed[];
  @Field(() => [ProvenanceMember]) members!: ProvenanceMember[];
  @Field(() => [LineageNode]) modelVersions!: LineageNode[];
  @Field(() => [ProvenanceTraining]) training!: ProvenanceTraining[];
  @Field(() => [ProvenanceFeatureUse]) featureUses!: ProvenanceFeatureUse[];
  @Field(() => [LineageNode]) features!: LineageNode[];
  @Field(() => [LineageNode], { description: 'Fields in the closure: those features or fields are derived from, the origin fields, and their upstream.' })
  fields!: LineageNode[];
  @Field(() => [ProvenanceRun]) runs!: ProvenanceRun[];
  @Field(() => [ProvenanceDatasetVersion]) datasetVersions!: ProvenanceDatasetVersion[];
  @Field(() => [LineageNode], { description: 'The datasets of the raw dataset versions.' }) rawDatasets!: LineageNode[];
  @Field(() => [LineageEdge]) edges!: LineageEdge[];
  @Field(() => Int) depth!: number;
  @Field() truncated!: boolean;
}
