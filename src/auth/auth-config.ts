import net from 'node:net';

/**
 * How the service authenticates. Open mode (no keys) is the local-development default and is only
 * the default on a loopback address: a service reachable from other machines with auth off would
 * hand anyone on the network write and delete access, so that needs an explicit MODELGRAPH_ALLOW_OPEN.
 */
export interface AuthConfig {
  /** true: every request needs `Authorization: Bearer <key>`; false: every caller is `anonymous`, with every right. */
  enabled: boolean;
  /** MODELGRAPH_ADMIN_KEY: an admin key ensured at start-up (the first key of a fresh database). */
  adminKey?: string;
  /** How long a key lookup is cached in memory: a revoked key keeps working on other instances this long. */
  cacheTtlMs: number;
  /** Requests per key and failed authentications per source address (429 past them). */
  rateLimits: RateLimitSettings;
  /** A key's lastUsedAt is written at most once per this many ms (MODELGRAPH_KEY_LAST_USED_MS). */
  lastUsedIntervalMs: number;
}

export interface RateLimitSettings {
  /** Requests per second one key may send (MODELGRAPH_RATE_LIMIT; 0: no limit). */
  perSecond: number;
  /** Requests beyond that rate a key may send per 10 s, for bursts (MODELGRAPH_RATE_BURST). */
  burst: number;
  /** Failed authentications (unknown, revoked, expired keys) one source address may make per minute (MODELGRAPH_AUTH_FAILURES). */
  failuresPerMinute: number;
}

/** The auth variables as src/config.ts read them; `enabled` undefined: MODELGRAPH_AUTH unset. */
export interface AuthSettings {
  host: string;
  enabled?: boolean;
  allowOpen: boolean;
  adminKey?: string;
  cacheTtlMs: number;
  rateLimits: RateLimitSettings;
  lastUsedIntervalMs: number;
}

/** The rules between the auth variables: auth is on by default off loopback, and open mode there must be asked for. */
export function authConfig(s: AuthSettings): AuthConfig {
  const enabled = s.enabled ?? !isLoopback(s.host);
  if (!enabled && !isLoopback(s.host) && !s.allowOpen) {
    throw new Error(`Refusing to serve ${s.host} with MODELGRAPH_AUTH=off: anyone who can reach it could change or delete the graph. ` +
      'Turn auth on (MODELGRAPH_AUTH=on, with MODELGRAPH_ADMIN_KEY for the first key), bind to 127.0.0.1, ' +
      'or set MODELGRAPH_ALLOW_OPEN=true if the network in front of it already restricts access.');
  }
  if (s.adminKey !== undefined && s.adminKey.length < 32) throw new Error('MODELGRAPH_ADMIN_KEY must be at least 32 characters (make one with `openssl rand -base64 32`).');
  return { enabled, adminKey: s.adminKey, cacheTtlMs: s.cacheTtlMs, rateLimits: s.rateLimits, lastUsedIntervalMs: s.lastUsedIntervalMs };
}

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '::ffff:127.0.0.1') return true;
  return net.isIPv4(h) && h.startsWith('127.');
}
