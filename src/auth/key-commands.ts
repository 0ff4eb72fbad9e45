import type { Command } from 'commander';
import { Endpoint, graphql } from '../cli/client';
import { loadConfig } from '../config';
import { bootstrapAdminKey } from './bootstrap';

type EndpointOf = (cmd: Command) => Endpoint;
type Write = (text: string) => void;
/** A key as the API returns it (times as ISO strings), or as bootstrap returns it (times as Dates). */
interface KeyRow { id: string; name: string; role: string; prefix: string; createdAt: string | Date; revokedAt: string | Date | null }

const KEY_FIELDS = 'id name role prefix createdAt revokedAt';

/**
 * `modelgraph keys list | create <name> --role <role> | revoke <id> | bootstrap [--name <n>]`:
 * key management over the admin API (bootstrap alone goes to Neo4j directly). Registered by
 * src/cli/main.ts with `addKeyCommands(cli, endpoint, write)`.
 */
export function addKeyCommands(cli: Command, endpoint: EndpointOf, write: Write): void {
  const keys = cli.command('keys').description('API keys (admin): list, create, revoke; bootstrap the first admin key.');

  keys.command('list').description('Every key, revoked ones included (never a key or its hash).').option('--json')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const { apiKeys } = await graphql<{ apiKeys: KeyRow[] }>(endpoint(cmd), `{ apiKeys { ${KEY_FIELDS} } }`, {});
      write(o.json ? JSON.stringify(apiKeys, null, 2) : apiKeys.map(keyLine).join('\n') || '(no keys)');
    });

  keys.command('create <name>').description('A new key; prints it once: store it now.')
    .requiredOption('--role <role>', 'reader, writer or admin')
    .action(async (name: string, o: { role: string }, cmd: Command) => {
      const data = await graphql<{ createApiKey: { key: string; apiKey: KeyRow } }>(endpoint(cmd),
        `mutation($name: String!, $role: Role!) { createApiKey(name: $name, role: $role) { key apiKey { ${KEY_FIELDS} } } }`,
        { name, role: o.role.toUpperCase() });
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
      const created = await bootstrapAdminKey(loadConfig(), o.name);
      write(`${keyLine(created.apiKey)}\n${created.key}`);
    });
}

function keyLine(k: KeyRow): string {
  const created = new Date(k.createdAt).toISOString();
  return [k.id, k.prefix + '…', String(k.role).toLowerCase(), k.name, created, k.revokedAt ? `revoked ${new Date(k.revokedAt).toISOString()}` : 'active'].join('\t');
}
