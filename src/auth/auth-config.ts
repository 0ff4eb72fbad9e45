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
}

export function loadAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const host = env.HOST ?? '127.0.0.1';
  const mode = (env.MODELGRAPH_AUTH ?? '').toLowerCase();
  if (mode !== '' && mode !== 'on' && mode !== 'off') throw new Error(`MODELGRAPH_AUTH must be 'on' or 'off', got '${env.MODELGRAPH_AUTH}'.`);
  const enabled = mode === '' ? !isLoopback(host) : mode === 'on';
  if (!enabled && !isLoopback(host) && env.MODELGRAPH_ALLOW_OPEN !== 'true') {
    throw new Error(`Refusing to serve ${host} with MODELGRAPH_AUTH=off: anyone who can reach it could change or delete the graph. ` +
      'Turn auth on (MODELGRAPH_AUTH=on, with MODELGRAPH_ADMIN_KEY for the first key), bind to 127.0.0.1, ' +
      'or set MODELGRAPH_ALLOW_OPEN=true if the network in front of it already restricts access.');
  }
  const adminKey = env.MODELGRAPH_ADMIN_KEY || undefined;
  if (adminKey !== undefined && adminKey.length < 32) throw new Error('MODELGRAPH_ADMIN_KEY must be at least 32 characters (make one with `openssl rand -base64 32`).');
  const ttl = Number(env.MODELGRAPH_AUTH_CACHE_MS ?? 30_000);
  if (!Number.isInteger(ttl) || ttl < 0) throw new Error(`MODELGRAPH_AUTH_CACHE_MS must be a non-negative integer, got '${env.MODELGRAPH_AUTH_CACHE_MS}'.`);
  return { enabled, adminKey, cacheTtlMs: ttl };
}

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '::ffff:127.0.0.1') return true;
  return net.isIPv4(h) && h.startsWith('127.');
}
