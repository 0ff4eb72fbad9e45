import { AuthService } from '../src/auth/auth.service';
import { Role } from '../src/auth/roles';
import { modelgraph } from './support/cli';
import { useGraph } from './support/graph';

/** The `modelgraph keys …` subcommands (src/auth/key-commands.ts), in process, against a service with auth on. */
describe('modelgraph keys', () => {
  const graph = useGraph({ MODELGRAPH_AUTH: 'on' });
  const keys = (apiKey: string, ...args: string[]) => modelgraph(['keys', ...args], { MODELGRAPH_URL: graph.url, MODELGRAPH_API_KEY: apiKey });

  it('creates, lists and revokes keys with an admin key; a writer key is refused', async () => {
    const admin = (await graph.app.container.get(AuthService).create('ops', Role.ADMIN)).key;
    const created = await keys(admin, 'create', 'airflow', '--role', 'writer');
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const [line, key] = created.stdout.split('\n');
    expect(key).toMatch(/^mg_/);
    expect(line).toMatch(/\tmg_.{4}…\twriter\tairflow\t.*\tactive$/);
    const id = line.split('\t')[0];
    expect((await keys(admin, 'list')).stdout).toContain(`${id}\t`);
    expect(await keys(key, 'list')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^modelgraph: FORBIDDEN: /) });
    expect((await keys(admin, 'revoke', id)).stdout).toMatch(/revoked \d{4}-/);
    expect(await keys(key, 'list')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^modelgraph: UNAUTHENTICATED: /) });
  });
});
