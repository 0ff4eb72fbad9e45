import { parseEventTime } from '../src/openlineage/event-time';
import { columnEdges, planEvent } from '../src/openlineage/event-mapping';
import { OlEvent } from '../src/openlineage/event.types';
import { datasetContentHash } from '../src/dataset/content-hash';
import { planWrite, StoredState } from '../src/openlineage/lineage-write';
import { nextRun } from '../src/openlineage/run-state';
import { mergeFacets } from '../src/openlineage/facet-merge';
import { EventSchemaValidator } from '../src/openlineage/schema-validator';

/** The pure parts: validation, event → plan, plan + stored state → write. No database. */
const F = { _producer: 'p', _schemaURL: 's' };
const RUN_ID = '0b8f3c1e-2d4a-4b6c-9e8f-1a2b3c4d5e6f';
const base = (eventType: OlEvent['eventType'], eventTime: string, extra: Partial<OlEvent> = {}): OlEvent => ({
  eventType, eventTime, producer: 'https://example.com', run: { runId: RUN_ID }, job: { namespace: 'n', name: 'j' }, ...extra,
});
const empty: StoredState = { run: null, jobFacets: null, datasetFacets: new Map() };
const run = (...events: OlEvent[]) => events.reduce((stored, e) => {
  const plan = planEvent(e);
  return nextRun(stored, plan.run!, plan.outputs);
}, null as ReturnType<typeof nextRun> | null)!;

describe('OpenLineage mapping (pure)', () => {
  it('reads event times as Marquez does: nanoseconds, no zone (UTC), offsets', () => {
    expect(parseEventTime('2020-12-28T19:51:01.641499123Z')).toEqual(new Date('2020-12-28T19:51:01.641Z'));
    expect(parseEventTime('2020-12-28T19:51:01.641499')).toEqual(new Date('2020-12-28T19:51:01.641Z'));
    expect(parseEventTime('2020-12-28T19:52:00.001+10:00')).toEqual(new Date('2020-12-28T09:52:00.001Z'));
    expect(parseEventTime('yesterday')).toBeNull();
  });

  it('ends in the same run state whatever the order, and a late START never undoes a terminal state', () => {
    const start = base('START', '2026-01-01T00:00:00Z');
    const running = base('RUNNING', '2026-01-01T00:01:00Z');
    const complete = base('COMPLETE', '2026-01-01T00:05:00Z');
    const inOrder = run(start, running, complete);
    expect(inOrder).toMatchObject({ state: 'COMPLETE', startedAt: new Date('2026-01-01T00:00:00Z'), endedAt: new Date('2026-01-01T00:05:00Z') });
    expect(run(complete, start, running)).toEqual(inOrder);
    expect(run(complete, running, start, complete)).toEqual(inOrder);
    expect(run(base('OTHER', '2026-01-01T00:09:00Z'), complete).state).toBe('COMPLETE');
    expect(run(base(undefined, '2026-01-01T00:00:00Z')).state).toBe('OTHER');
    // Two terminal events: the later one is the run's end.
    expect(run(base('FAIL', '2026-01-01T00:07:00Z'), complete)).toMatchObject({ state: 'FAIL', endedAt: new Date('2026-01-01T00:07:00Z') });
  });

  it('merges facets by name and drops a facet sent with _deleted', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const stored = mergeFacets(null, { a: { ...F, x: 1 }, b: { ...F } }, at);
    expect(mergeFacets(stored, { a: { ...F, x: 2 }, b: { ...F, _deleted: true } }, new Date('2026-01-02T00:00:00Z')).facets).toEqual({ a: { ...F, x: 2 } });
  });

  it('keeps, per facet, the one of the later eventTime, whatever the arrival order', () => {
    const older = { a: { ...F, x: 1 }, b: { ...F, y: 1 } };
    const newer = { a: { ...F, x: 2 }, b: { ...F, _deleted: true } };
    const t1 = new Date('2026-01-01T00:00:00Z');
    const t2 = new Date('2026-01-02T00:00:00Z');
    const inOrder = mergeFacets(mergeFacets(null, older, t1), newer, t2);
    const reversed = mergeFacets(mergeFacets(null, newer, t2), older, t1);
    expect(reversed).toEqual(inOrder);
    expect(reversed.facets).toEqual({ a: { ...F, x: 2 } });
    // Two events at the same instant: the same winner in either order.
    const same = { a: { ...F, x: 3 } };
    expect(mergeFacets(mergeFacets(null, older, t1), same, t1)).toEqual(mergeFacets(mergeFacets(null, same, t1), older, t1));
  });

  it('refuses times that are not on the calendar, rather than rolling them over', () => {
    expect(parseEventTime('2026-02-30T10:00:00Z')).toBeNull();
    expect(parseEventTime('2026-02-29T10:00:00Z')).toBeNull();
    expect(parseEventTime('2024-02-29T10:00:00Z')).toEqual(new Date('2024-02-29T10:00:00Z'));
    expect(parseEventTime('2026-04-31T10:00:00Z')).toBeNull();
    expect(parseEventTime('2026-01-01T24:00:00Z')).toBeNull();
    const v = new EventSchemaValidator().validate(base('START', '2026-02-30T10:00:00Z'));
    expect(v.errors).toEqual(["/eventTime '2026-02-30T10:00:00Z' is not a date-time: RFC 3339, a day that exists in its month, hours 00-23"]);
  });

  it('reads run ids case-insensitively (they are UUIDs)', () => {
    const upper = planEvent(base('START', '2026-01-01T00:00:00Z', { run: { runId: 'C04CA271-1F2E-4D3C-8B7A-6F5E4D3C2B1A' } }));
    expect(upper.run!.runId).toBe('c04ca271-1f2e-4d3c-8b7a-6f5e4d3c2b1a');
  });

  it('maps a JobEvent to static lineage and a DatasetEvent schema to a version', () => {
    const job = planEvent({ eventTime: '2026-01-01T00:00:00Z', producer: 'p', job: { namespace: 'n', name: 'j' },
      inputs: [{ namespace: 'db', name: 'a' }], outputs: [{ namespace: 'db', name: 'b' }] });
    expect(job.jobLineage).toEqual({ at: new Date('2026-01-01T00:00:00Z'), inputs: [{ namespace: 'db', name: 'a' }], outputs: [{ namespace: 'db', name: 'b' }] });
    const ds = planEvent({ eventTime: '2026-01-01T00:00:00Z', producer: 'p', dataset: { namespace: 'db', name: 'a', facets: { schema: { ...F, fields: [{ name: 'id', type: 'INT' }] } } } });
    const w = planWrite(ds, empty).schemaVersion!;
    expect(w).toMatchObject({ namespace: 'db', name: 'a', version: expect.stringMatching(/^schema:[0-9a-f]{16}$/), createdAt: new Date('2026-01-01T00:00:00Z') });
    expect(w.fields.map((f) => f.name)).toEqual(['id']);
  });

  it('creates output versions only once the run is COMPLETE, from outputs declared on START', () => {
    const output = { namespace: 'db', name: 'out', facets: { schema: { ...F, fields: [{ name: 'id', type: 'INT' }] } } };
    const start = planEvent(base('START', '2026-01-01T00:00:00Z', { outputs: [output] }));
    const afterStart = planWrite(start, empty);
    expect(afterStart.versions).toEqual([]);
    const stored = { ...empty, run: nextRun(null, start.run!, start.outputs) };
    const complete = planWrite(planEvent(base('COMPLETE', '2026-01-01T00:05:00Z')), stored);
    expect(complete.versions).toEqual([{
      namespace: 'db', name: 'out', version: `run:${RUN_ID}`, rowCount: null, createdAt: new Date('2026-01-01T00:05:00Z'),
      fields: [{ name: 'id', type: 'INT', description: null, profile: null, position: 0 }], contentHash: expect.any(String),
    }]);
  });

  it('takes the version from the version facet and the row count from outputStatistics', () => {
    const plan = planEvent(base('COMPLETE', '2026-01-01T00:05:00Z', { outputs: [{
      namespace: 'db', name: 'out', facets: { version: { ...F, datasetVersion: 'v7' } }, outputFacets: { outputStatistics: { ...F, rowCount: 42 } },
    }] }));
    expect(planWrite(plan, empty).versions[0]).toMatchObject({ version: 'v7', rowCount: 42, contentHash: datasetContentHash({ fields: [], fingerprint: null, rowCount: 42 }) });
  });

  it('maps columnLineage to field edges, old style and new style', () => {
    const edges = columnEdges({ columnLineage: { ...F, fields: {
      a: { inputFields: [{ namespace: 'db', name: 'in', field: 'x', transformations: [{ type: 'DIRECT', subtype: 'AGGREGATION', description: 'sum' }] }] },
      b: { inputFields: [{ namespace: 'db', name: 'in', field: 'y' }], transformationType: 'IDENTITY', transformationDescription: 'copy' },
    } } });
    expect(edges).toEqual([
      { outputField: 'a', inputNamespace: 'db', inputName: 'in', inputField: 'x', transformation: 'DIRECT/AGGREGATION', description: 'sum',
        transformations: [{ type: 'DIRECT', subtype: 'AGGREGATION', description: 'sum', masking: null }] },
      { outputField: 'b', inputNamespace: 'db', inputName: 'in', inputField: 'y', transformation: 'IDENTITY', description: 'copy',
        transformations: [{ type: 'IDENTITY', subtype: null, description: 'copy', masking: null }] },
    ]);
  });

  it('keeps the parent run facet as the run parent', () => {
    const plan = planEvent(base('START', '2026-01-01T00:00:00Z', { run: { runId: RUN_ID, facets: { parent: { ...F, run: { runId: 'p1' }, job: { namespace: 'n', name: 'dag' } } } } }));
    expect(plan.run!.parent).toEqual({ runId: 'p1', namespace: 'n', name: 'dag' });
  });

  it('validates standard facets by kind: ownership of a job is not ownership of a dataset', () => {
    const v = new EventSchemaValidator();
    const ownership = { ...F, owners: [{ name: 'team:data' }] };
    expect(v.validate({ ...base('START', '2026-01-01T00:00:00Z'), job: { namespace: 'n', name: 'j', facets: { ownership } } }).valid).toBe(true);
    const custom = { ...base('START', '2026-01-01T00:00:00Z'), job: { namespace: 'n', name: 'j', facets: { myFacet: { ...F, anything: [1] } } } };
    expect(v.validate(custom).valid).toBe(true);
    const bad = v.validate({ ...base('START', '2026-01-01T00:00:00Z'), job: { namespace: 'n', name: 'j', facets: { myFacet: { anything: 1 } } } });
    expect(bad.errors).toEqual(["/job/facets/myFacet must have required property '_producer'", "/job/facets/myFacet must have required property '_schemaURL'"]);
    expect(v.validate({ eventTime: '2026-01-01T00:00:00Z', producer: 'p', dataset: { namespace: 'n', name: 'd' } })).toMatchObject({ valid: true, kind: 'DatasetEvent' });
  });
});
