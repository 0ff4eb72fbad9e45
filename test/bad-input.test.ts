import { useGraph } from './support/graph';

/**
 * Bad input is a clear 4xx and writes nothing: content types a browser can send cross-site,
 * bodies that lie about their encoding, names over the index key limit, deep facets, tampered
 * cursors, lone surrogates - on GraphQL and OpenLineage alike.
 */
const LINEAGE = '/api/v1/lineage';

function event(jobName = 'job', extra: Record<string, unknown> = {}) {
  return {
    eventType: 'START', eventTime: '2026-01-01T00:00:00Z', producer: 'https://example.com/test',
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: '0190c5a4-0000-7000-8000-000000000001' }, job: { namespace: 'ns', name: jobName }, inputs: [], outputs: [], ...extra,
  };
}

describe('bad input', () => {
  const graph = useGraph();

  async function post(route: string, body: string | Buffer, headers: Record<string, string> = {}) {
    const res = await fetch(`${graph.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  describe('a state-changing REST request needs a JSON Content-Type (no cross-site form posts)', () => {
    it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'none'])('refuses %s with 415 and stores nothing', async (type) => {
      for (const route of [LINEAGE, `${LINEAGE}/batch`]) {
        const body = JSON.stringify(route === LINEAGE ? event() : [event()]);
        const res = type === 'none'
          ? await fetch(`${graph.url}${route}`, { method: 'POST', body: Buffer.from(body) })
          : await fetch(`${graph.url}${route}`, { method: 'POST', headers: { 'content-type': type }, body });
        expect(res.status).toBe(415);
        expect(await res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
      }
      expect(await graph.countNodes()).toBe(0);
    });

    it('accepts application/json with a charset and application/*+json', async () => {
      expect((await post(LINEAGE, JSON.stringify(event()), { 'content-type': 'application/json; charset=utf-8' })).status).toBe(201);
      expect((await post(LINEAGE, JSON.stringify(event('other')), { 'content-type': 'application/vnd.openlineage+json' })).status).toBe(201);
    });
  });
});
