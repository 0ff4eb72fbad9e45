import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from './roles';

@ObjectType({ description: 'An API key as admins see it: never the key or its hash.' })
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field({ description: 'A label saying whose or what the key is.' }) name!: string;
  @Field(() => Role) role!: Role;
  @Field({ description: "The key's first characters (mg_ and 4 more), to tell keys apart." }) prefix!: string;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the key stops working (null: never).' }) expiresAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the key was last used, to within MODELGRAPH_KEY_LAST_USED_MS (default a minute); null: never.' })
  lastUsedAt!: Date | null;
}

@ObjectType({ description: 'A new key: the plaintext is shown this once and never stored.' })
export class CreatedApiKey {
  @Field({ description: 'Send as `Authorization: Bearer <key>`. Store it now: it cannot be shown again.' }) key!: string;
  @Field(() => ApiKey) apiKey!: ApiKey;
}
