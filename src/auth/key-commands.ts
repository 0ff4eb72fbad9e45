import type { Command } from 'commander';
import { CliError, Endpoint, EXIT, graphql } from '../cli/client';

type EndpointOf = (cmd: Command) => Endpoint;
type Write = (text: string) => void;
/** A key as the API returns it (times as ISO strings), or as bootstrap returns it (times as Dates). */
interface KeyRow {
  id: string; name: string; role: string; prefix: string; createdAt: string | Date; revokedAt: string | Date | null;
  expiresAt: string | Date | null; lastUsedAt: string | Date | null;
}

const KEY_FIELDS = 'id name role prefix createdAt revokedAt expiresAt lastUsedAt';

/**
 * `modelgraph keys list | create <name> --role <role> | revoke <id> | bootstrap [--name <n>]`:
 * key management over the admin API (bootstrap alone goes to Neo4j directly). Registered by
 * src/cli/main.ts with `addKeyCommands(cli, endpoint, write)`.
 */
export function addKeyCommands(cli: Command, endpoint: EndpointOf, write: Write): void {
  const keys = cli.command('keys').description('API keys (admin): list, create, revoke; bootstrap the first admin key.');

  keys.command('list').description('Every key, revoked ones included (never a key or its hash); with filters, the stale ones.')
    .option('--unused-since <time>', 'only keys not used since then (ISO date or time)')
    .option('--expired', 'only expired keys').option('--json')
    .action(async (o: { json?: boolean; unusedSince?: string; expired?: boolean }, cmd: Command) => {
      const { apiKeys } = await graphql<{ apiKeys: KeyRow[] }>(endpoint(cmd),
        `query($unusedSince: DateTimeISO, $expired: Boolean) { apiKeys(unusedSince: $unusedSince, expired: $expired) { ${KEY_FIELDS} } }`,
        { unusedSince: o.unusedSince && isoTime(o.unusedSince), expired: o.expired });
      write(o.json ? JSON.stringify(apiKeys, null, 2) : apiKeys.map(keyLine).join('\n') || '(no keys)');
    });

  keys.command('create <name>').description('A new key; prints it once: store it now.')
    .requiredOption('--role <role>', 'reader, writer or admin')
    .option('--expires <time>', 'when the key stops working (ISO date or time; default never)')
    .action(async (name: string, o: { role: string; expires?: string }, cmd: Command) => {
      const data = await graphql<{ createApiKey: { key: string; apiKey: KeyRow } }>(endpoint(cmd),
        `mutation($name: String!, $role: Role!, $expiresAt: DateTimeISO) { createApiKey(name: $name, role: $role, expiresAt: $expiresAt) { key apiKey { ${KEY_FIELDS} } } }`,
        { name, role: o.role.toUpperCase(), expiresAt: o.expires && isoTime(o.expires) });
      write(`${keyLine(data.createApiKey.apiKey)}\n${data.createApiKey.key}`);
    });

  keys.command('revoke <id>').description('Revokes a key (refused everywhere within MODELGRAPH_AUTH_CACHE_MS, default 30 s).')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const data = await graphql<{ revokeApiKey: KeyRow }>(endpoint(cmd), `mutation($id: ID!) { revokeApiKey(id: $id) { ${KEY_FIELDS} } }`, { id });
      write(keyLine(data.revokeApiKey));
    });

  keys.command('bootstrap').description('The first admin key, straight in Neo4j (NEO4J_URI or the embedded data); refused once an admin key exists.')
    .option('--name <name>', 'a label for the key', 'bootstrap')
    .action(async (o: { name: string }) => {
      // Loaded here: they bring the driver, the embedded launcher and the GraphQL types, which no other command (nor --help) needs.
      const [{ loadConfig }, { bootstrapAdminKey }] = await Promise.all([import('../config'), import('./bootstrap')]);
      const created = await bootstrapAdminKey(loadConfig(), o.name);
      write(`${keyLine(created.apiKey)}\n${created.key}`);
    });
}

/** One tab-separated line: id, prefix, role, name, created, expiry, last use, and active / expired / revoked <time>. */
function keyLine(k: KeyRow): string {
  const iso = (t: string | Date) => new Date(t).toISOString();
  const expired = k.expiresAt !== null && new Date(k.expiresAt).getTime() <= Date.now();
  const status = k.revokedAt ? `revoked ${iso(k.revokedAt)}` : expired ? 'expired' : 'active';
  return [k.id, k.prefix + '…', String(k.role).toLowerCase(), k.name, iso(k.createdAt),
    k.expiresAt ? `expires ${iso(k.expiresAt)}` : 'no expiry', k.lastUsedAt ? `used ${iso(k.lastUsedAt)}` : 'never used', status].join('\t');
}

/** A date or time as the API takes it; a bare date (2026-03-01) is its midnight UTC. */
function isoTime(value: string): string {
  const time = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time.getTime())) throw new CliError(`'${value}' is not a date or time (e.g. 2026-03-01 or 2026-03-01T12:00:00Z).`, EXIT.USAGE);
  return time.toISOString();
}
