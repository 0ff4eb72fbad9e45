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

  it('creates a key with an expiry, shows expiry and last use, lists stale and expired keys', async () => {
    const admin = (await graph.app.container.get(AuthService).create('ops', Role.ADMIN)).key;
    const created = await keys(admin, 'create', 'nightly', '--role', 'reader', '--expires', '2099-01-31');
    expect(created.stdout.split('\n')[0]).toMatch(/\tnightly\t\S+\texpires 2099-01-31T00:00:00\.000Z\tnever used\tactive$/);
    const id = created.stdout.split('\t')[0];
    expect(await keys(created.stdout.split('\n')[1], 'list')).toMatchObject({ code: 2 }); // a reader: refused, but used
    const listed = (await keys(admin, 'list')).stdout.split('\n');
    expect(listed.find((l) => l.startsWith(id))).toMatch(/\texpires 2099-01-31T00:00:00\.000Z\tused \d{4}-\S+\tactive$/);
    expect(listed.find((l) => l.includes('\tops\t'))).toMatch(/\tno expiry\tused \d{4}-/);

    await graph.db.runAutoCommit("MATCH (k:ApiKey {id: $id}) SET k.expiresAt = datetime() - duration('PT1S'), k.lastUsedAt = datetime('2020-01-01T00:00:00Z')", { id });
    const stale = (await keys(admin, 'list', '--unused-since', '2021-01-01')).stdout;
    expect(stale.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^${id}\t.*\tused 2020-01-01T00:00:00\\.000Z\texpired$`))]);
    expect((await keys(admin, 'list', '--expired')).stdout.trim().split('\n').map((l) => l.split('\t')[0])).toEqual([id]);
    expect(await keys(admin, 'list', '--unused-since', 'last week')).toMatchObject({ code: 1, stderr: expect.stringMatching(/'last week' is not a date or time/) });
  });
});
