import { Arg, Extensions, ID, Mutation, Query, Resolver } from 'type-graphql';
import { AuthService } from './auth.service';
import { ApiKey, CreatedApiKey } from './auth.types';
import { Role } from './roles';

/** Key management: admin only (the role is enforced centrally, from the `role` extension). */
@Resolver()
export class ApiKeyResolver {
  constructor(private readonly service: AuthService) {}

  @Extensions({ role: 'admin' })
  @Query(() => [ApiKey], { description: 'Every API key, revoked ones included (admin).' })
  apiKeys() { return this.service.list(); }

  @Extensions({ role: 'admin' })
  @Mutation(() => CreatedApiKey, { description: 'A new API key; its plaintext is returned this once (admin).' })
  createApiKey(@Arg('name') name: string, @Arg('role', () => Role) role: Role) { return this.service.create(name, role); }

  @Extensions({ role: 'admin' })
  @Mutation(() => ApiKey, { description: 'Revokes a key: refused within MODELGRAPH_AUTH_CACHE_MS (default 30 s) everywhere, at once here (admin).' })
  revokeApiKey(@Arg('id', () => ID) id: string) { return this.service.revoke(id); }
}
