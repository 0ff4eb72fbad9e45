import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

/** Every kind of node a traversal can meet; one per label of docs/graph-model.md. */
export enum NodeType {
  DATASET = 'DATASET', DATASET_VERSION = 'DATASET_VERSION', FIELD = 'FIELD', FEATURE = 'FEATURE', JOB = 'JOB',
  RUN = 'RUN', MODEL = 'MODEL', MODEL_VERSION = 'MODEL_VERSION', ENSEMBLE = 'ENSEMBLE', DEPLOYMENT = 'DEPLOYMENT',
}
registerEnumType(NodeType, { name: 'NodeType', description: 'The kind of a node in the lineage graph (one per Neo4j label).' });

export enum LineageDirection { UPSTREAM = 'UPSTREAM', DOWNSTREAM = 'DOWNSTREAM', BOTH = 'BOTH' }
registerEnumType(LineageDirection, {
  name: 'LineageDirection',
  description: 'UPSTREAM: what a node was made from; DOWNSTREAM: what it feeds; BOTH: the union of the two.',
});

/** Neo4j label → NodeType (labels come from the graph; this is the only place that maps them). */
export const NODE_TYPE_OF_LABEL: Record<string, NodeType> = {
  Dataset: NodeType.DATASET, DatasetVersion: NodeType.DATASET_VERSION, Field: NodeType.FIELD, Feature: NodeType.FEATURE,
  Job: NodeType.JOB, Run: NodeType.RUN, Model: NodeType.MODEL, ModelVersion: NodeType.MODEL_VERSION,
  Ensemble: NodeType.ENSEMBLE, Deployment: NodeType.DEPLOYMENT,
};

@InputType({
  description: 'Names one node: by `type` and `id`, or by `type` and its natural key — DATASET, FEATURE, JOB: namespace + name; ' +
    'DATASET_VERSION: namespace + name + version; FIELD: namespace + name + field (+ version, default: the version current ' +
    'at asOf); MODEL_VERSION: model + version; MODEL, ENSEMBLE, DEPLOYMENT: name; RUN: id (the runId).',
})
export class NodeRef {
  @Field(() => NodeType) type!: NodeType;
  @Field(() => ID, { nullable: true }) id?: string;
  @Field({ nullable: true }) namespace?: string;
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) version?: string;
  @Field({ nullable: true, description: 'The field (column) name, for FIELD.' }) field?: string;
  @Field({ nullable: true, description: 'The model name, for MODEL_VERSION.' }) model?: string;
}

@ObjectType({ description: 'A node of the lineage graph, as much as drawing and listing need.' })
export class LineageNode {
  @Field(() => ID) id!: string;
  @Field(() => NodeType) type!: NodeType;
  @Field({ description: 'Human-readable name: ns/name, ns/name@version, ns/name@version.field, model@version, job#runId, name.' })
  label!: string;
}

@ObjectType({ description: 'A relationship as stored (from its start node to its end node).' })
export class LineageEdge {
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field() type!: string;
}

@ObjectType({ description: 'A subgraph ready for drawing.' })
export class LineageGraph {
  @Field(() => LineageNode) origin!: LineageNode;
  @Field(() => [LineageNode]) nodes!: LineageNode[];
  @Field(() => [LineageEdge]) edges!: LineageEdge[];
  @Field(() => Int) depth!: number;
  @Field({ description: 'True when the node limit cut the subgraph short.' }) truncated!: boolean;
}
