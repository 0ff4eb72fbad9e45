import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection';

@ObjectType({ description: 'One mutation or ingestion request: who, when, what, on which nodes.' })
export class AuditEvent {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field({ description: "The API key's id, or 'anonymous' when auth is off." }) actor!: string;
  @Field({ description: "The key's name at the time." }) actorName!: string;
  @Field({ description: "'graphql' or 'openlineage'." }) kind!: string;
  @Field({ description: "The GraphQL operation's name (or '(anonymous)'), or the ingestion route." }) operation!: string;
  @Field(() => [String], { description: 'The mutation fields called (e.g. registerDatasetVersion), or the ingestion endpoint.' }) fields!: string[];
  @Field(() => [ID], { description: 'Ids of the nodes the change wrote, whatever fields the response selected (run ids for ingestion), at most 1,000 per transaction; none when nothing changed (a refused or failed mutation).' }) nodeIds!: string[];
  @Field() requestId!: string;
  @Field({ description: "'ok', or 'error' when the response carried errors." }) outcome!: string;
  @Field(() => [String], { description: 'The error codes of the response, if any.' }) errorCodes!: string[];
}

@ObjectType() export class AuditEventConnection extends Connection(AuditEvent) {}

@InputType()
export class AuditEventFilter {
  @Field({ nullable: true, description: "A key id, or 'anonymous'." }) actor?: string;
  @Field({ nullable: true, description: 'An operation name, or a mutation field name.' }) operation?: string;
  @Field(() => ID, { nullable: true, description: 'Events that touched this entity id.' }) nodeId?: string;
  @Field({ nullable: true, description: 'From (inclusive).' }) from?: Date;
  @Field({ nullable: true, description: 'To (exclusive).' }) to?: Date;
}
