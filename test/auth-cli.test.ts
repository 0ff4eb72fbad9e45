import { Command } from 'commander';
import { AuthService } from '../src/auth/auth.service';
import { addKeyCommands } from '../src/auth/key-commands';
import { Role } from '../src/auth/roles';
import { useGraph } from './support/graph';

/** The `modelgraph keys …` subcommands (src/auth/key-commands.ts) against a service with auth on. */
describe('modelgraph keys', () => {
  const graph = useGraph({ MODELGRAPH_AUTH: 'on' });

  const run = async (apiKey: string, ...args: string[]) => {
    const out: string[] = [];
    const cli = new Command('modelgraph').exitOverride();
    addKeyCommands(cli, () => ({ url: graph.url, apiKey }), (t) => out.push(t));
    await cli.parseAsync(['node', 'modelgraph', ...args]);
    return out.join('\n');
  };

  it('creates, lists and revokes keys with an admin key; a writer key is refused', async () => {
    const admin = (await graph.app.container.get(AuthService).create('ops', Role.ADMIN)).key;
    const created = await run(admin, 'keys', 'create', 'airflow', '--role', 'writer');
    const [line, key] = created.split('\n');
    expect(key).toMatch(/^mg_/);
    expect(line).toMatch(/\tmg_.{4}…\twriter\tairflow\t.*\tactive$/);
    const id = line.split('\t')[0];
    expect(await run(admin, 'keys', 'list')).toContain(`${id}\t`);
    await expect(run(key, 'keys', 'list')).rejects.toThrow(/FORBIDDEN/);
    expect(await run(admin, 'keys', 'revoke', id)).toMatch(/revoked \d{4}-/);
    await expect(run(key, 'keys', 'list')).rejects.toThrow(/UNAUTHENTICATED/);
  });
});
