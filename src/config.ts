import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from './common/paths';
import { AuthConfig, authConfig } from './auth/auth-config';
import { DEFAULT_TRAVERSAL_LIMITS } from './lineage/traversal-limits';
import { DEFAULT_POOL, PoolSettings } from './db/db';
import { DEFAULT_REQUEST_CONCURRENCY } from './db/request-scope';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Everything the service reads from its environment (documented in the README). This file is the
 * only reader: modules get their values from the Config passed down (src/app/container.ts), and
 * every variable is checked the same way: an invalid value stops the service at start-up.
 */
export interface Config {
  host: string;
  port: number;
  neo4j: {
    /** Unset: the embedded Neo4j is started (see src/neo4j/embedded.ts). */
    uri?: string;
    user: string;
    password: string;
    database?: string;
    embeddedPort: number;
    embeddedDataDir: string;
    /** The driver's connection pool (MODELGRAPH_NEO4J_POOL_SIZE, MODELGRAPH_NEO4J_ACQUIRE_TIMEOUT_MS). */
    pool: PoolSettings;
  };
  /** pino's level (LOG_LEVEL): `info`, or `silent` under NODE_ENV=test. */
  logLevel: LogLevel;
  /** The API's own version (package.json), answered by the `version` query. */
  version: string;
  /** Upper bound on rows a list query returns in one page. */
  maxPageSize: number;
  auth: AuthConfig;
  limits: {
    /** Deepest selection nesting a GraphQL operation may have (introspection fields excepted). */
    maxDepth: number;
    /** Largest estimated cost (graphql-query-complexity, page sizes multiplied in). */
    maxComplexity: number;
    /** Time budget of one request: its Neo4j transactions time out when it is spent. */
    requestTimeoutMs: number;
    /** Most tokens a GraphQL document may have (graphql-js's parser stops past it, before any other work). */
    maxTokens: number;
    /** Largest /graphql body, in express.json's notation (e.g. '2mb'). */
    maxBody: string;
    /** The largest OpenLineage request body, in bytes after gzip is inflated. */
    maxLineageBytes: number;
    /** Neo4j transactions one request runs at once (MODELGRAPH_REQUEST_CONCURRENCY): its share of the pool. */
    requestConcurrency: number;
    /** Schema introspection (MODELGRAPH_INTROSPECTION): on by default with auth off, off with auth on. */
    introspection: boolean;
  };
  /** Whether mutations and ingestions leave (:AuditEvent) records (MODELGRAPH_AUDIT, default on). */
  audit: boolean;
  /** How impact/provenance traverse (MODELGRAPH_TRAVERSAL): src/lineage/lineage.repository.ts. */
  traversal: 'auto' | 'procedures' | 'cypher';
  /** Bounds on one impact/provenance/lineage traversal (MODELGRAPH_LINEAGE_MAX_NODES, MODELGRAPH_LINEAGE_TIMEOUT_MS). */
  traversalBounds: { maxNodes: number; timeoutMs: number };
  /** Outcomes of ensembles' predictions (src/ensemble/outcomes/). */
  outcomes: {
    /** Least outcome (world) time between two recorded weight changes of one ensemble (MODELGRAPH_ENSEMBLE_WEIGHT_INTERVAL_MS). */
    weightIntervalMs: number;
    /** Rolling loss/accuracy become a metric point at most once per this much outcome time, per series and batch (MODELGRAPH_OUTCOME_METRIC_INTERVAL_MS). */
    metricIntervalMs: number;
    /** How many recent outcomes the rolling loss and accuracy average (MODELGRAPH_OUTCOME_ROLLING). */
    rolling: number;
    /** Largest POST /api/v1/outcomes body, in bytes after gzip is inflated (MODELGRAPH_MAX_OUTCOME_BYTES). */
    maxBytes: number;
    /** How long a batch's idempotency key is kept (MODELGRAPH_OUTCOME_KEY_RETENTION_HOURS; 0 = forever), swept every `keyPruneIntervalMs`. */
    keyRetentionHours: number;
    keyPruneIntervalMs: number;
  };
  /** Redis for events across instances (REDIS_URL); unset: events stay in this process. */
  redisUrl?: string;
  alerts: {
    /** How often every alert rule is evaluated besides on arriving points (MODELGRAPH_ALERT_INTERVAL_MS; 0: never). */
    intervalMs: number;
  };
  webhooks: {
    /** Attempts per delivery, the first included (MODELGRAPH_WEBHOOK_MAX_ATTEMPTS). */
    maxAttempts: number;
    /** The delay before the first retry; doubled each retry, with jitter (MODELGRAPH_WEBHOOK_BACKOFF_MS). */
    backoffMs: number;
    /** One attempt's time limit (MODELGRAPH_WEBHOOK_TIMEOUT_MS). */
    timeoutMs: number;
    /** CIDR ranges a webhook may reach although loopback or private (MODELGRAPH_WEBHOOK_ALLOW_NETWORKS). */
    allowNetworks: string[];
  };
  /**
   * The store of OpenLineage events as received: kept `retentionDays` after receipt (0 = forever;
   * MODELGRAPH_LINEAGE_EVENT_RETENTION_DAYS), swept every `pruneIntervalMs`.
   */
  lineageEvents: { retentionDays: number; pruneIntervalMs: number };
  /** The MLflow tracking server synced on a schedule (MLFLOW_TRACKING_URI; unset: no sync), every `syncIntervalMs`. */
  mlflow: { trackingUri?: string; syncIntervalMs: number };
  /** Compile every Cypher statement at start-up, in the background (MODELGRAPH_WARMUP; off by default under NODE_ENV=test). */
  warmUp: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST ?? '127.0.0.1';
  const auth = authConfig({
    host,
    enabled: flag(env.MODELGRAPH_AUTH, undefined, 'MODELGRAPH_AUTH'),
    allowOpen: flag(env.MODELGRAPH_ALLOW_OPEN, false, 'MODELGRAPH_ALLOW_OPEN'),
    adminKey: env.MODELGRAPH_ADMIN_KEY || undefined,
    cacheTtlMs: int(env.MODELGRAPH_AUTH_CACHE_MS, 30_000, 'MODELGRAPH_AUTH_CACHE_MS'),
    rateLimits: {
      perSecond: int(env.MODELGRAPH_RATE_LIMIT, 50, 'MODELGRAPH_RATE_LIMIT'),
      burst: int(env.MODELGRAPH_RATE_BURST, 200, 'MODELGRAPH_RATE_BURST'),
      failuresPerMinute: int(env.MODELGRAPH_AUTH_FAILURES, 30, 'MODELGRAPH_AUTH_FAILURES', 1),
    },
    lastUsedIntervalMs: int(env.MODELGRAPH_KEY_LAST_USED_MS, 60_000, 'MODELGRAPH_KEY_LAST_USED_MS'),
  });
  return {
    host,
    port: int(env.PORT, 4000, 'PORT'),
    neo4j: {
      uri: env.NEO4J_URI || undefined,
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE || undefined,
      embeddedPort: int(env.NEO4J_BOLT_PORT, 7687, 'NEO4J_BOLT_PORT'),
      embeddedDataDir: path.resolve(env.MODELGRAPH_DATA_DIR ?? path.join(projectRoot, 'data', 'neo4j')),
      pool: {
        size: int(env.MODELGRAPH_NEO4J_POOL_SIZE, DEFAULT_POOL.size, 'MODELGRAPH_NEO4J_POOL_SIZE', 1),
        acquireTimeoutMs: int(env.MODELGRAPH_NEO4J_ACQUIRE_TIMEOUT_MS, DEFAULT_POOL.acquireTimeoutMs, 'MODELGRAPH_NEO4J_ACQUIRE_TIMEOUT_MS', 1),
      },
    },
    logLevel: readLogLevel(env),
    version: packageVersion(),
    maxPageSize: int(env.MODELGRAPH_MAX_PAGE_SIZE, 500, 'MODELGRAPH_MAX_PAGE_SIZE'),
    auth,
    limits: {
      maxDepth: int(env.MODELGRAPH_MAX_DEPTH, 15, 'MODELGRAPH_MAX_DEPTH'),
      maxComplexity: int(env.MODELGRAPH_MAX_COMPLEXITY, 20_000, 'MODELGRAPH_MAX_COMPLEXITY'),
      requestTimeoutMs: int(env.MODELGRAPH_REQUEST_TIMEOUT_MS, 30_000, 'MODELGRAPH_REQUEST_TIMEOUT_MS'),
      maxTokens: int(env.MODELGRAPH_MAX_TOKENS, 50_000, 'MODELGRAPH_MAX_TOKENS', 1),
      maxBody: byteSize(env.MODELGRAPH_MAX_BODY, '2mb', 'MODELGRAPH_MAX_BODY'),
      maxLineageBytes: int(env.MODELGRAPH_MAX_LINEAGE_BYTES, 5 * 1024 * 1024, 'MODELGRAPH_MAX_LINEAGE_BYTES'),
      requestConcurrency: int(env.MODELGRAPH_REQUEST_CONCURRENCY, DEFAULT_REQUEST_CONCURRENCY, 'MODELGRAPH_REQUEST_CONCURRENCY', 1),
      // A service that checks keys does not describe its schema to whoever asks, unless told to.
      introspection: flag(env.MODELGRAPH_INTROSPECTION, !auth.enabled, 'MODELGRAPH_INTROSPECTION'),
    },
    audit: flag(env.MODELGRAPH_AUDIT, true, 'MODELGRAPH_AUDIT'),
    traversal: oneOf(env.MODELGRAPH_TRAVERSAL, ['auto', 'procedures', 'cypher'] as const, 'MODELGRAPH_TRAVERSAL'),
    traversalBounds: {
      maxNodes: int(env.MODELGRAPH_LINEAGE_MAX_NODES, DEFAULT_TRAVERSAL_LIMITS.maxNodes, 'MODELGRAPH_LINEAGE_MAX_NODES', 1),
      timeoutMs: int(env.MODELGRAPH_LINEAGE_TIMEOUT_MS, DEFAULT_TRAVERSAL_LIMITS.timeoutMs, 'MODELGRAPH_LINEAGE_TIMEOUT_MS', 1),
    },
    outcomes: {
      weightIntervalMs: int(env.MODELGRAPH_ENSEMBLE_WEIGHT_INTERVAL_MS, 60_000, 'MODELGRAPH_ENSEMBLE_WEIGHT_INTERVAL_MS'),
      metricIntervalMs: int(env.MODELGRAPH_OUTCOME_METRIC_INTERVAL_MS, 60_000, 'MODELGRAPH_OUTCOME_METRIC_INTERVAL_MS', 1),
      rolling: int(env.MODELGRAPH_OUTCOME_ROLLING, 100, 'MODELGRAPH_OUTCOME_ROLLING', 1),
      maxBytes: int(env.MODELGRAPH_MAX_OUTCOME_BYTES, 32 * 1024 * 1024, 'MODELGRAPH_MAX_OUTCOME_BYTES', 1),
      keyRetentionHours: int(env.MODELGRAPH_OUTCOME_KEY_RETENTION_HOURS, 168, 'MODELGRAPH_OUTCOME_KEY_RETENTION_HOURS'),
      keyPruneIntervalMs: 10 * 60_000,
    },
    redisUrl: env.REDIS_URL || undefined,
    alerts: { intervalMs: int(env.MODELGRAPH_ALERT_INTERVAL_MS, 15_000, 'MODELGRAPH_ALERT_INTERVAL_MS') },
    webhooks: {
      maxAttempts: int(env.MODELGRAPH_WEBHOOK_MAX_ATTEMPTS, 6, 'MODELGRAPH_WEBHOOK_MAX_ATTEMPTS', 1),
      backoffMs: int(env.MODELGRAPH_WEBHOOK_BACKOFF_MS, 1_000, 'MODELGRAPH_WEBHOOK_BACKOFF_MS', 1),
      timeoutMs: int(env.MODELGRAPH_WEBHOOK_TIMEOUT_MS, 10_000, 'MODELGRAPH_WEBHOOK_TIMEOUT_MS', 1),
      allowNetworks: cidrList(env.MODELGRAPH_WEBHOOK_ALLOW_NETWORKS, 'MODELGRAPH_WEBHOOK_ALLOW_NETWORKS'),
    },
    lineageEvents: {
      retentionDays: int(env.MODELGRAPH_LINEAGE_EVENT_RETENTION_DAYS, 90, 'MODELGRAPH_LINEAGE_EVENT_RETENTION_DAYS'),
      pruneIntervalMs: 10 * 60_000,
    },
    mlflow: {
      trackingUri: httpUrl(env.MLFLOW_TRACKING_URI, 'MLFLOW_TRACKING_URI'),
      syncIntervalMs: int(env.MODELGRAPH_MLFLOW_SYNC_INTERVAL_S, 300, 'MODELGRAPH_MLFLOW_SYNC_INTERVAL_S', 1) * 1000,
    },
    warmUp: flag(env.MODELGRAPH_WARMUP, env.NODE_ENV !== 'test', 'MODELGRAPH_WARMUP'),
  };
}

/**
 * LOG_LEVEL alone: src/common/log.ts starts its logger with it (lines can be written before a
 * Config is loaded); startService then applies the Config's, which is the same unless a caller
 * built its own.
 */
export function readLogLevel(env: NodeJS.ProcessEnv = process.env): LogLevel {
  return oneOf(env.LOG_LEVEL, LOG_LEVELS, 'LOG_LEVEL', env.NODE_ENV === 'test' ? 'silent' : 'info');
}

function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

// One reader per kind of value, one message style: "<NAME> must be <what>, got '<value>'."
// Unset and empty are the same for them: the default.

function oneOf<T extends string>(value: string | undefined, choices: readonly T[], name: string, fallback: T = choices[0]): T {
  if (value === undefined || value === '') return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${choices.join(', ')}, got '${value}'.`);
  return value as T;
}

function int(value: string | undefined, fallback: number, name: string, min = 0): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  const what = min === 0 ? 'a non-negative integer' : `an integer of at least ${min}`;
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be ${what}, got '${value}'.`);
  return n;
}

/** on/true or off/false, in any case. */
function flag<T extends boolean | undefined>(value: string | undefined, fallback: T, name: string): boolean | T {
  if (value === undefined || value === '') return fallback;
  const v = value.toLowerCase();
  if (v === 'on' || v === 'true') return true;
  if (v === 'off' || v === 'false') return false;
  throw new Error(`${name} must be 'on' or 'off' ('true' or 'false'), got '${value}'.`);
}

/** Comma-separated CIDR ranges, e.g. `127.0.0.0/8,::1/128`. */
function cidrList(value: string | undefined, name: string): string[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((part) => {
    const [address, bits, extra] = part.trim().split('/');
    const family = net.isIP(address);
    const n = Number(bits);
    if (!family || extra !== undefined || !Number.isInteger(n) || n < 0 || n > (family === 4 ? 32 : 128)) {
      throw new Error(`${name} must be comma-separated CIDR ranges such as 127.0.0.0/8, got '${part.trim()}'.`);
    }
    return `${address}/${n}`;
  });
}

/** An http(s) URL, or unset. */
function httpUrl(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL | null = null;
  try { url = new URL(value); } catch { /* reported below */ }
  if (!url || !['http:', 'https:'].includes(url.protocol)) throw new Error(`${name} must be an http(s) URL, got '${value}'.`);
  return value.replace(/\/+$/, '');
}

/** A size in express.json's notation: bytes, or a number with b, kb, mb or gb. */
function byteSize(value: string | undefined, fallback: string, name: string): string {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i.test(value.trim())) throw new Error(`${name} must be a size such as 500kb or 2mb, got '${value}'.`);
  return value.trim();
}
