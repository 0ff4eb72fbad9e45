import { AuthService } from '../src/auth/auth.service';
import { Role } from '../src/auth/roles';
import { log } from '../src/common/log';
import { useGraph } from './support/graph';

/** One log line per request, and Prometheus metrics at /metrics. */
describe('logs and metrics', () => {
  const graph = useGraph({ MODELGRAPH_AUTH: 'on' });
  let key: string;
  beforeEach(async () => { key = (await graph.app.container.get(AuthService).create('obs', Role.WRITER)).key; });
  const as = () => ({ authorization: `Bearer ${key}` });

  it('logs each request with its id, operation, key, status and duration', async () => {
    const info = jest.spyOn(log, 'info');
    try {
      const res = await fetch(`${graph.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'req-123', ...as() },
        body: JSON.stringify({ query: 'query Listing { datasets { nodes { id } } }' }),
      });
      expect(res.headers.get('x-request-id')).toBe('req-123');
      await new Promise((r) => setTimeout(r, 50)); // the line is written when the response has finished
      const line = info.mock.calls.map((c) => c[0] as Record<string, unknown>).find((l) => l?.requestId === 'req-123');
      const principal = await graph.app.container.get(AuthService).authenticate(`Bearer ${key}`);
      expect(line).toMatchObject({ method: 'POST', route: '/graphql', status: 200, operation: 'Listing', operationType: 'query', keyId: principal.keyId });
      expect(typeof line?.durationMs).toBe('number');
    } finally {
      info.mockRestore();
    }
  });

  it('serves Prometheus metrics: requests, latencies, Neo4j statements, ingestion, errors by code', async () => {
    await graph.gql('mutation { upsertDataset(input: { namespace: "ns", name: "m" }) { id } }', {}, as());
    await graph.gql('mutation { upsertDataset(input: { namespace: "", name: "m" }) { id } }', {}, as());
    await graph.gql('{ version }'); // no key: the only UNAUTHENTICATED before /metrics is asked
    const before = await (await fetch(`${graph.url}/metrics`, { headers: as() })).text();
    expect(before).toMatch(/modelgraph_errors_total\{code="UNAUTHENTICATED"\} [1-9]/);
    await fetch(`${graph.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json', ...as() }, body: '{}' });
    expect((await fetch(`${graph.url}/metrics`)).status).toBe(401);
    const res = await fetch(`${graph.url}/metrics`, { headers: as() });
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    for (const expected of [
      /modelgraph_http_requests_total\{route="\/graphql",method="POST",status="200"\} \d+/,
      /modelgraph_http_request_duration_seconds_bucket\{le="0.1",route="\/graphql",method="POST"\} \d+/,
      /modelgraph_neo4j_statement_duration_seconds_count\{statement="dataset\/upsert",outcome="ok"\} \d+/,
      /modelgraph_graphql_mutation_fields_total\{field="upsertDataset",outcome="ok"\} \d+/,
      /modelgraph_errors_total\{code="BAD_USER_INPUT"\} \d+/,
      /modelgraph_errors_total\{code="UNAUTHENTICATED"\} \d+/,
      /modelgraph_openlineage_events_total\{endpoint="\/api\/v1\/lineage",status="400"\} 1/,
      /modelgraph_process_resident_memory_bytes \d+/,
    ]) expect(text).toMatch(expected);
  });
});
