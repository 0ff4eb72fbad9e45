import { Principal } from './roles';

/** A key found in Neo4j, as authentication needs it. */
export interface KnownKey {
  principal: Principal;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

/**
 * What recent key lookups found, by key hash, for `ttlMs`: known keys in one map, hashes that
 * named no active key in another. Keeping them apart is the point: a flood of random keys fills
 * only the small failure map (evicting its own oldest entries) and never pushes a valid key out,
 * so valid clients keep authenticating without a database read. Both maps are bounded.
 */
export class KeyCache {
  private readonly known = new Map<string, KnownKey & { until: number }>();
  private readonly failed = new Map<string, number>();

  constructor(private readonly ttlMs: number, private readonly maxKnown = 10_000, private readonly maxFailed = 1_000) {}

  /** The cached key of this hash, while fresh. */
  key(hash: string): KnownKey | undefined {
    const entry = this.known.get(hash);
    if (entry && entry.until > Date.now()) return entry;
    if (entry) this.known.delete(hash);
    return undefined;
  }

  /** Whether this hash named no active key a moment ago. */
  recentlyFailed(hash: string): boolean {
    const until = this.failed.get(hash);
    if (until !== undefined && until > Date.now()) return true;
    if (until !== undefined) this.failed.delete(hash);
    return false;
  }

  /** Caches a key; returns the cached entry (what later requests of the key will see). */
  rememberKey(hash: string, key: KnownKey): KnownKey {
    const entry = { ...key, until: Date.now() + this.ttlMs };
    this.failed.delete(hash);
    bounded(this.known, this.maxKnown, hash, entry);
    return entry;
  }

  rememberFailure(hash: string): void {
    bounded(this.failed, this.maxFailed, hash, Date.now() + this.ttlMs);
  }

  /** Drops a key (revoked here): the next request with it is looked up again. */
  forget(keyId: string): void {
    for (const [hash, entry] of this.known) if (entry.principal.keyId === keyId) this.known.delete(hash);
  }
}

/** Sets `key`, first dropping the oldest entry (a Map iterates in insertion order) when full. */
function bounded<V>(map: Map<string, V>, max: number, key: string, value: V): void {
  map.delete(key);
  if (map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, value);
}
