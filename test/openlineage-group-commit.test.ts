import { AuditService } from '../src/audit/audit.service';
import { newScope, requestScope } from '../src/db/request-scope';
import { OpenLineageIngestService } from '../src/openlineage/ingest.service';
import { useGraph } from './support/graph';

/**
 * One-event requests that arrive while another is being applied share a transaction (group
 * commit). Each keeps its own answer: the database refusing one event of a group fails that
 * request only, the others are stored (events, raw copies, audit records naming their own runs).
 * Called on the service in one tick, the first request starts a group alone, the second waits for
 * company (a group is running) and goes with the third, and the fourth and fifth wait for a free turn
 * and go together, so the refused request 4 sharing a transaction (with 5) is certain, not left to
 * timing (group-commit.unit.test.ts has the rules).
 */
const RUN = (n: number) => `0190c5a4-0000-7000-8000-${String(n).padStart(12, '0')}`;

function complete(n: number, version = `v${n}`) {
  return {
    eventType: 'COMPLETE', eventTime: `2026-01-01T00:00:${String(n).padStart(2, '0')}Z`, producer: 'https://example.com/test',
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: RUN(n) }, job: { namespace: 'ns', name: `job-${n}` }, inputs: [{ namespace: 'ns', name: 'shared-input' }],
    outputs: [{
      namespace: 'ns', name: `out-${n}`,
      facets: { version: { _producer: 'p', _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/DatasetVersionDatasetFacet.json#/$defs/DatasetVersionDatasetFacet', datasetVersion: version } },
    }],
  };
}

describe('concurrent one-event OpenLineage requests (group commit)', () => {
  const graph = useGraph({ MODELGRAPH_AUDIT: 'on', MODELGRAPH_REQUEST_TIMEOUT_MS: '300000' });
  const service = () => graph.app.container.get(OpenLineageIngestService);
  const audits = () => graph.app.container.get(AuditService);
  const stored = async () => (await graph.db.runAutoCommit('MATCH (r:Run)-[:WROTE]->(:DatasetVersion)-[:VERSION_OF]->(d:Dataset) RETURN r.runId AS run, d.name AS out ORDER BY run'))
    .map((r) => `${String(r.out)}`);
  /** Ingests as its own request would: its own scope, its own audit context. */
  const request = (n: number, event: unknown) => requestScope.run(
    { ...newScope(`req-${n}`), audit: audits().contextFor({ actor: 'anonymous', actorName: 'test', kind: 'openlineage', operation: 'POST /api/v1/lineage', fields: ['lineage'], requestId: `req-${n}` }) },
    () => service().ingest(event),
  );

  it('fails only the request whose event the database refuses; the others are stored, each audited on its own', async () => {
    const events = [1, 2, 3, 4, 5].map((n) => complete(n, n === 4 ? 'v'.repeat(9000) : `v${n}`));
    const answers = await Promise.allSettled(events.map((e, i) => request(i + 1, e)));
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const refused = (answers[3] as PromiseRejectedResult).reason as { extensions: { code: string }; message: string };
    expect(refused.extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.message).toMatch(/database refused to store this event/);
    expect(await stored()).toEqual(['out-1', 'out-2', 'out-3', 'out-5']);
    const bad = await graph.db.runAutoCommit('MATCH (n) WHERE n.name IN ["job-4", "out-4"] OR n.runId = $run RETURN count(n) AS n', { run: RUN(4) });
    expect(bad[0].n).toBe(0);
    const raw = await graph.db.runAutoCommit('MATCH (e:LineageEvent) RETURN e.runId AS run ORDER BY run');
    expect(raw.map((r) => r.run)).toEqual([1, 2, 3, 5].map(RUN));

    // One record per stored request, naming its own run and the version it wrote (not the others').
    const records = await graph.db.runAutoCommit('MATCH (a:AuditEvent) RETURN a.requestId AS request, a.nodeIds AS ids, toString(a.at) AS at ORDER BY request');
    expect(records.map((r) => r.request)).toEqual(['req-1', 'req-2', 'req-3', 'req-5']);
    for (const r of records) {
      const n = Number(String(r.request).slice(4));
      const version = await graph.db.runAutoCommit('MATCH (:Run {runId: $run})-[:WROTE]->(v) RETURN v.id AS id', { run: RUN(n) });
      expect((r.ids as string[])).toEqual(expect.arrayContaining([RUN(n), version[0].id]));
      expect((r.ids as string[]).filter((id) => id !== RUN(n) && id.startsWith('0190c5a4'))).toEqual([]);
    }
  }, 300_000);

  it('answers concurrent HTTP requests each with its own status', async () => {
    const post = (event: unknown) => fetch(`${graph.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
    const statuses = await Promise.all([6, 7, 8, 9].map((n) => post(complete(n, n === 8 ? 'w'.repeat(9000) : `v${n}`)).then((r) => r.status)));
    expect(statuses).toEqual([201, 201, 400, 201]);
    expect(await stored()).toEqual(['out-6', 'out-7', 'out-9']);
  }, 300_000);
});
