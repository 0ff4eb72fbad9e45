import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { displayFormats, naturalKeys, NodeType } from '../graph/node-types';

export enum LineageDirection { UPSTREAM = 'UPSTREAM', DOWNSTREAM = 'DOWNSTREAM', BOTH = 'BOTH' }
registerEnumType(LineageDirection, {
  name: 'LineageDirection',
  description: 'UPSTREAM: what a node was made from; DOWNSTREAM: what it feeds; BOTH: the union of the two.',
});

@InputType({ description: `Names one node: by \`type\` and \`id\`, or by \`type\` and its natural key — ${naturalKeys()}.` })
export class NodeRef {
  @Field(() => NodeType) type!: NodeType;
  @Field(() => ID, { nullable: true }) id?: string;
  @Field({ nullable: true }) namespace?: string;
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) version?: string;
  @Field({ nullable: true, description: 'The field (column) name, for FIELD.' }) field?: string;
  @Field({ nullable: true, description: 'The model name, for MODEL_VERSION.' }) model?: string;
}

/** The `origin` and `origins` fields of impact, provenance and lineage answers. */
export const ORIGINS_DESCRIPTION = 'Every node the reference named, each at distance 0: the one node, or for a FIELD reference ' +
  'without version that field in every version of the dataset visible at asOf and knownAt (newest first). A DATASET is one ' +
  'origin (it expands to its versions).';
export const ORIGIN_DESCRIPTION = 'The first of origins (kept for older clients): for a FIELD reference without version, ' +
  'the field of the newest visible version, although every version is covered.';

// simpleResolvers: plain objects, no field middleware: graphql-js reads the properties itself (see impact.types.ts).
@ObjectType({ simpleResolvers: true, description: 'A node of the lineage graph, as much as drawing and listing need.' })
export class LineageNode {
  @Field(() => ID) id!: string;
  @Field(() => NodeType) type!: NodeType;
  @Field({ description: `Human-readable name, by type (a bracketed part is left out when missing): ${displayFormats()}.` })
  label!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A relationship as stored (from its start node to its end node).' })
export class LineageEdge {
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field() type!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A subgraph ready for drawing.' })
export class LineageGraph {
  @Field(() => LineageNode, { description: ORIGIN_DESCRIPTION }) origin!: LineageNode;
  @Field(() => [LineageNode], { description: ORIGINS_DESCRIPTION }) origins!: LineageNode[];
  @Field(() => [LineageNode]) nodes!: LineageNode[];
  @Field(() => [LineageEdge]) edges!: LineageEdge[];
  @Field(() => Int) depth!: number;
  @Field({ description: 'True when the node limit cut the subgraph short.' }) truncated!: boolean;
}
