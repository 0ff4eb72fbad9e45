import { ConflictError, NotFoundError, UnauthenticatedError } from '../common/errors';
import { requireName } from '../common/validate';
import { bearerToken, displayPrefix, generateApiKey, hashApiKey } from './api-key';
import { AuthConfig } from './auth-config';
import { AuthRepository } from './auth.repository';
import { ApiKey, CreatedApiKey } from './auth.types';
import { ANONYMOUS, isRole, Principal, Role } from './roles';

const MAX_CACHED = 10_000;

/**
 * API keys: who a bearer token is (authenticate), and their management. Lookups are cached for
 * `cacheTtlMs` (default 30 s), unknown keys included (so a client with a bad key cannot make every
 * request a database hit). Revoking drops the key from this instance's cache at once; other
 * instances of the service stop accepting it within the TTL.
 */
export class AuthService {
  private readonly cache = new Map<string, { principal: Principal | null; until: number }>();

  constructor(private readonly repo: AuthRepository, readonly config: AuthConfig) {}

  /**
   * The caller named by an `Authorization` header value (or a bare token, e.g. from a
   * subscription's connectionParams). With auth off, everyone is `anonymous` with every right.
   */
  async authenticate(authorization: string | undefined, { bare = false } = {}): Promise<Principal> {
    if (!this.config.enabled) return ANONYMOUS;
    const token = bare ? authorization : bearerToken(authorization);
    if (!token) throw new UnauthenticatedError();
    const principal = await this.lookup(hashApiKey(token));
    if (!principal) throw new UnauthenticatedError('The API key is unknown or revoked.');
    return principal;
  }

  async create(nameInput: string, role: Role): Promise<CreatedApiKey> {
    const name = requireName(nameInput, 'name', 200);
    const key = generateApiKey();
    const apiKey = await this.repo.create({ hash: hashApiKey(key), prefix: displayPrefix(key), name, role });
    return { key, apiKey };
  }

  async revoke(id: string): Promise<ApiKey> {
    const key = await this.repo.revoke(id);
    if (!key) throw new NotFoundError('ApiKey', id);
    for (const [hash, entry] of this.cache) if (entry.principal?.keyId === id) this.cache.delete(hash);
    return key;
  }

  list(): Promise<ApiKey[]> {
    return this.repo.list();
  }

  /** MODELGRAPH_ADMIN_KEY at start-up: stored (as its hash) if it is not yet; a no-op otherwise. */
  async ensureAdminKey(key: string): Promise<ApiKey> {
    return this.repo.create({ hash: hashApiKey(key), prefix: displayPrefix(key), name: 'MODELGRAPH_ADMIN_KEY', role: Role.ADMIN });
  }

  /** The one-time bootstrap: the first admin key, refused once any active admin key exists. */
  async bootstrapAdminKey(name = 'bootstrap'): Promise<CreatedApiKey> {
    const key = generateApiKey();
    const apiKey = await this.repo.createFirstAdmin({ hash: hashApiKey(key), prefix: displayPrefix(key), name });
    if (!apiKey) throw new ConflictError('An admin key exists already: create further keys with it (createApiKey).');
    return { key, apiKey };
  }

  private async lookup(hash: string): Promise<Principal | null> {
    const cached = this.cache.get(hash);
    if (cached && cached.until > Date.now()) return cached.principal;
    const key = await this.repo.activeByHash(hash);
    const principal = key && isRole(key.role) ? { keyId: key.id, name: key.name, role: key.role } : null;
    if (this.cache.size >= MAX_CACHED) this.cache.clear(); // bounded: a flood of random keys cannot grow it
    this.cache.set(hash, { principal, until: Date.now() + this.config.cacheTtlMs });
    return principal;
  }
}
