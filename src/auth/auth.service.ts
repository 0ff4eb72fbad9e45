import { BadInputError, ConflictError, NotFoundError, UnauthenticatedError } from '../common/errors';
import { log } from '../common/log';
import { requireName } from '../common/validate';
import { bearerToken, displayPrefix, generateApiKey, hashApiKey } from './api-key';
import { AuthConfig } from './auth-config';
import { AuthRepository } from './auth.repository';
import { ApiKey, CreatedApiKey } from './auth.types';
import { KeyCache, KnownKey } from './key-cache';
import { AuthRateLimits } from './rate-limits';
import { ANONYMOUS, isRole, Principal, Role } from './roles';

/**
 * API keys: who a bearer token is (authenticate), and their management. Lookups are cached for
 * `cacheTtlMs` (default 30 s), unknown keys apart (src/auth/key-cache.ts); a source address that
 * keeps sending bad keys is refused before they are looked up, and a key over its rate is refused
 * (src/auth/rate-limits.ts). Revoking drops the key from this instance's cache at once; other
 * instances of the service stop accepting it within the TTL.
 */
export class AuthService {
  private readonly cache: KeyCache;
  private readonly limits: AuthRateLimits;

  constructor(private readonly repo: AuthRepository, readonly config: AuthConfig) {
    this.cache = new KeyCache(config.cacheTtlMs);
    this.limits = new AuthRateLimits(config.rateLimits);
  }

  /**
   * The caller named by an `Authorization` header value (or a bare token, e.g. from a
   * subscription's connectionParams), sent from `source` (the client's address, for the
   * failed-authentication bucket). With auth off, everyone is `anonymous` with every right.
   */
  async authenticate(authorization: string | undefined, { bare = false, source }: { bare?: boolean; source?: string } = {}): Promise<Principal> {
    if (!this.config.enabled) return ANONYMOUS;
    const token = bare ? authorization : bearerToken(authorization);
    if (!token) throw new UnauthenticatedError();
    const hash = hashApiKey(token);
    const key = await this.lookup(hash, source);
    if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) {
      await this.limits.failed(source);
      throw new UnauthenticatedError(`The API key expired at ${key.expiresAt.toISOString()}; ask an admin for a new one.`);
    }
    await this.limits.request(key.principal.keyId);
    await this.touch(key);
    return key.principal;
  }

  async create(nameInput: string, role: Role, expiresAt: Date | null = null): Promise<CreatedApiKey> {
    const name = requireName(nameInput, 'name', 200);
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw new BadInputError('expiresAt must be in the future.', 'expiresAt');
    const key = generateApiKey();
    const apiKey = await this.repo.create({ hash: hashApiKey(key), prefix: displayPrefix(key), name, role, expiresAt });
    return { key, apiKey };
  }

  async revoke(id: string): Promise<ApiKey> {
    const key = await this.repo.revoke(id);
    if (!key) throw new NotFoundError('ApiKey', id);
    this.cache.forget(id);
    return key;
  }

  /** Every key, or the stale ones: not used since `unusedSince`, and/or (not) expired. */
  list(filter: { unusedSince?: Date | null; expired?: boolean | null } = {}): Promise<ApiKey[]> {
    return this.repo.list({ unusedSince: filter.unusedSince ?? null, expired: filter.expired ?? null });
  }

  /** MODELGRAPH_ADMIN_KEY at start-up: stored (as its hash) if it is not yet; a no-op otherwise. */
  async ensureAdminKey(key: string): Promise<ApiKey> {
    return this.repo.create({ hash: hashApiKey(key), prefix: displayPrefix(key), name: 'MODELGRAPH_ADMIN_KEY', role: Role.ADMIN, expiresAt: null });
  }

  /** The one-time bootstrap: the first admin key, refused once any active admin key exists. */
  async bootstrapAdminKey(name = 'bootstrap'): Promise<CreatedApiKey> {
    const key = generateApiKey();
    const apiKey = await this.repo.createFirstAdmin({ hash: hashApiKey(key), prefix: displayPrefix(key), name, expiresAt: null });
    if (!apiKey) throw new ConflictError('An admin key exists already: create further keys with it (createApiKey).');
    return { key, apiKey };
  }

  /**
   * The key of this hash: from the cache; else, unless its source has failed too often (429) or
   * the hash failed a moment ago, from Neo4j. A hash naming no active key counts against its source.
   */
  private async lookup(hash: string, source: string | undefined): Promise<KnownKey> {
    const cached = this.cache.key(hash);
    if (cached) return cached;
    await this.limits.checkSource(source);
    if (!this.cache.recentlyFailed(hash)) {
      const row = await this.repo.activeByHash(hash);
      if (row && isRole(row.role)) {
        return this.cache.rememberKey(hash, { principal: { keyId: row.id, name: row.name, role: row.role }, expiresAt: row.expiresAt, lastUsedAt: row.lastUsedAt });
      }
      this.cache.rememberFailure(hash);
    }
    await this.limits.failed(source);
    throw new UnauthenticatedError('The API key is unknown or revoked.');
  }

  /**
   * Writes lastUsedAt when the one known is older than lastUsedIntervalMs: a write per request
   * would double the database work of every read and make all requests of a key queue on the
   * lock of its one node, for a figure that only needs to tell "used lately" from "stale".
   * A failure to write it is logged, never the request's failure.
   */
  private async touch(key: KnownKey): Promise<void> {
    const now = Date.now();
    if (key.lastUsedAt && now - key.lastUsedAt.getTime() < this.config.lastUsedIntervalMs) return;
    key.lastUsedAt = new Date(now); // set first: concurrent requests of the key do not all write
    await this.repo.touch(key.principal.keyId).catch((err) => log.warn({ err, keyId: key.principal.keyId }, 'could not record when an API key was used'));
  }
}
