import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/common/paths';
import { useGraph } from './support/graph';

jest.setTimeout(240_000);

/** How the service serves the web UI beside its own routes (no browser needed). */
describe('web UI routes', () => {
  const graph = useGraph();
  const get = (p: string, accept = 'text/html') => fetch(`${graph.url}${p}`, { headers: { accept } });

  it('answers client routes with index.html and serves the hashed assets for a year', async () => {
    for (const p of ['/', '/models', '/models/fraud?version=2', '/lineage?type=MODEL&name=fraud', '/impact']) {
      const res = await get(p);
      expect([p, res.status, res.headers.get('content-type')]).toEqual([p, 200, expect.stringMatching(/^text\/html/)]);
      expect(await res.text()).toContain('<div id="root"></div>');
    }
    const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(fs.readFileSync(path.join(projectRoot, 'dist/ui/index.html'), 'utf8'))![1];
    const asset = await get(script, '*/*');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/assets/missing.js', '*/*')).status).toBe(404);
  });

  it("never shadows the service's own paths", async () => {
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok' });
    const graphiql = await (await get('/graphiql')).text();
    expect(graphiql).toContain('GraphiQL');
    for (const p of ['/api/v1/nope', '/graphql/nope', '/healthz/nope', '/readyz/x', '/metrics/x']) {
      expect([p, await (await get(p)).text()]).not.toEqual([p, expect.stringContaining('<div id="root">')]);
    }
    const post = await fetch(`${graph.url}/models`, { method: 'POST', headers: { accept: 'text/html' } });
    expect(post.status).toBe(404);
  });
});
