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

@ObjectType({ description: 'A node of the lineage graph, as much as drawing and listing need.' })
export class LineageNode {
  @Field(() => ID) id!: string;
  @Field(() => NodeType) type!: NodeType;
  @Field({ description: `Human-readable name, by type (a bracketed part is left out when missing): ${displayFormats()}.` })
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
