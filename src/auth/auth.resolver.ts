import { Arg, Extensions, ID, Mutation, Query, Resolver } from 'type-graphql';
import { AuthService } from './auth.service';
import { ApiKey, CreatedApiKey } from './auth.types';
import { Role } from './roles';

/** Key management: admin only (the role is enforced centrally, from the `role` extension). */
@Resolver()
export class ApiKeyResolver {
  constructor(private readonly service: AuthService) {}

  @Extensions({ role: 'admin' })
  @Query(() => [ApiKey], { description: 'Every API key, revoked ones included, or the stale ones: filters left out match any (admin).' })
  apiKeys(@Arg('unusedSince', () => Date, { nullable: true, description: 'Only keys not used since then (never-used keys: not since they were created).' }) unusedSince?: Date | null,
          @Arg('expired', () => Boolean, { nullable: true, description: 'Only expired keys (true) or only unexpired ones (false).' }) expired?: boolean | null) {
    return this.service.list({ unusedSince, expired });
  }

  @Extensions({ role: 'admin' })
  @Mutation(() => CreatedApiKey, { description: 'A new API key; its plaintext is returned this once (admin).' })
  createApiKey(@Arg('name') name: string, @Arg('role', () => Role) role: Role,
               @Arg('expiresAt', () => Date, { nullable: true, description: 'When the key stops working (default: never).' }) expiresAt?: Date | null) {
    return this.service.create(name, role, expiresAt ?? null);
  }

  @Extensions({ role: 'admin' })
  @Mutation(() => ApiKey, { description: 'Revokes a key: refused within MODELGRAPH_AUTH_CACHE_MS (default 30 s) everywhere, at once here (admin).' })
  revokeApiKey(@Arg('id', () => ID) id: string) { return this.service.revoke(id); }
}
