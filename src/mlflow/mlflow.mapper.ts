/**
 * MLflow's REST answers (API 2.0) decoded into typed rows: every field the sync uses is checked,
 * so a server speaking another shape fails with the path of what is wrong, not with a graph
 * written from undefined values. Numbers MLflow sends as strings in JSON (int64) are read too.
 */
export class MlflowShapeError extends Error {}

type Json = Record<string, unknown>;

export interface MlflowModel { name: string; description: string | null; createdAt: Date; aliases: { alias: string; version: string }[] }
export interface MlflowVersion {
  model: string; version: string; createdAt: Date; lastUpdated: number; description: string | null; runId: string | null;
  source: string | null; status: string | null; tags: Record<string, string>;
}
export interface MlflowDatasetInput { name: string; digest: string; sourceType: string; source: string; schema: string | null; context: string | null }
export interface MlflowRun {
  runId: string; experimentId: string; status: string; startedAt: Date | null; endedAt: Date | null;
  params: Record<string, string>; metrics: Record<string, number>; tags: Record<string, string>; inputs: MlflowDatasetInput[];
}
export interface MlflowMetricPoint { key: string; value: number; timestamp: Date; step: number }

const obj = (v: unknown, path: string): Json => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new MlflowShapeError(`${path} is not an object`);
  return v as Json;
};
const list = (v: unknown, path: string): unknown[] => {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new MlflowShapeError(`${path} is not a list`);
  return v;
};
const str = (v: unknown, path: string): string => {
  if (typeof v !== 'string') throw new MlflowShapeError(`${path} is not a string`);
  return v;
};
const optStr = (v: unknown, path: string): string | null => (v === undefined || v === null || v === '' ? null : str(v, path));
const num = (v: unknown, path: string): number => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new MlflowShapeError(`${path} is not a number`);
  return n;
};
const time = (v: unknown, path: string): Date => new Date(num(v, path));
const optTime = (v: unknown, path: string): Date | null => (v === undefined || v === null ? null : time(v, path));
const keyValues = (v: unknown, path: string): Record<string, string> =>
  Object.fromEntries(list(v, path).map((t, i) => {
    const kv = obj(t, `${path}[${i}]`);
    return [str(kv.key, `${path}[${i}].key`), str(kv.value ?? '', `${path}[${i}].value`)];
  }));

export function decodeModel(v: unknown, path: string): MlflowModel {
  const m = obj(v, path);
  return {
    name: str(m.name, `${path}.name`), description: optStr(m.description, `${path}.description`),
    createdAt: time(m.creation_timestamp, `${path}.creation_timestamp`),
    aliases: list(m.aliases, `${path}.aliases`).map((a, i) => {
      const o = obj(a, `${path}.aliases[${i}]`);
      return { alias: str(o.alias, `${path}.aliases[${i}].alias`), version: str(o.version, `${path}.aliases[${i}].version`) };
    }),
  };
}

export function decodeVersion(v: unknown, path: string): MlflowVersion {
  const m = obj(v, path);
  return {
    model: str(m.name, `${path}.name`), version: str(m.version, `${path}.version`),
    createdAt: time(m.creation_timestamp, `${path}.creation_timestamp`),
    lastUpdated: num(m.last_updated_timestamp ?? m.creation_timestamp, `${path}.last_updated_timestamp`),
    description: optStr(m.description, `${path}.description`), runId: optStr(m.run_id, `${path}.run_id`),
    source: optStr(m.source, `${path}.source`), status: optStr(m.status, `${path}.status`), tags: keyValues(m.tags, `${path}.tags`),
  };
}

export function decodeRun(v: unknown, path: string): MlflowRun {
  const run = obj(obj(v, path).run, `${path}.run`);
  const info = obj(run.info, `${path}.run.info`);
  const data = run.data === undefined ? {} : obj(run.data, `${path}.run.data`);
  const inputs = run.inputs === undefined ? {} : obj(run.inputs, `${path}.run.inputs`);
  return {
    runId: str(info.run_id ?? info.run_uuid, `${path}.run.info.run_id`), experimentId: str(info.experiment_id, `${path}.run.info.experiment_id`),
    status: str(info.status, `${path}.run.info.status`),
    startedAt: optTime(info.start_time, `${path}.run.info.start_time`), endedAt: optTime(info.end_time, `${path}.run.info.end_time`),
    params: keyValues(data.params, `${path}.run.data.params`), tags: keyValues(data.tags, `${path}.run.data.tags`),
    metrics: Object.fromEntries(list(data.metrics, `${path}.run.data.metrics`).map((x, i) => {
      const m = obj(x, `${path}.run.data.metrics[${i}]`);
      return [str(m.key, `${path}.run.data.metrics[${i}].key`), num(m.value, `${path}.run.data.metrics[${i}].value`)];
    })),
    inputs: list(inputs.dataset_inputs, `${path}.run.inputs.dataset_inputs`).map((x, i) => {
      const p = `${path}.run.inputs.dataset_inputs[${i}]`;
      const input = obj(x, p);
      const d = obj(input.dataset, `${p}.dataset`);
      return {
        name: str(d.name, `${p}.dataset.name`), digest: str(d.digest, `${p}.dataset.digest`), sourceType: str(d.source_type, `${p}.dataset.source_type`),
        source: str(d.source, `${p}.dataset.source`), schema: optStr(d.schema, `${p}.dataset.schema`),
        context: keyValues(input.tags, `${p}.tags`)['mlflow.data.context'] ?? null,
      };
    }),
  };
}

export function decodeMetricPoint(v: unknown, path: string): MlflowMetricPoint {
  const m = obj(v, path);
  return { key: str(m.key, `${path}.key`), value: num(m.value, `${path}.value`), timestamp: time(m.timestamp, `${path}.timestamp`), step: num(m.step ?? 0, `${path}.step`) };
}

/** `{"mlflow_colspec": [{"name", "type"}]}`: the logged dataset's columns (other schema kinds: none). */
export function schemaColumns(schema: string | null): { name: string; type: string }[] {
  if (!schema) return [];
  const parsed = JSON.parse(schema) as { mlflow_colspec?: { name?: unknown; type?: unknown }[] };
  return (parsed.mlflow_colspec ?? []).filter((c) => typeof c.name === 'string')
    .map((c) => ({ name: c.name as string, type: typeof c.type === 'string' ? c.type : 'unknown' }));
}

/** The URI a logged dataset's source names (`uri`, `url`, `path` or `table` of its JSON), or null. */
export function sourceUri(source: string): string | null {
  let parsed: unknown;
  try { parsed = JSON.parse(source); } catch { return source || null; }
  if (!parsed || typeof parsed !== 'object') return null;
  const s = parsed as Record<string, unknown>;
  const uri = [s.uri, s.url, s.path, s.table].find((x) => typeof x === 'string' && x !== '');
  return (uri as string | undefined) ?? null;
}

/** MLflow run statuses as run states (the graph's, OpenLineage's). */
export function runState(status: string): 'START' | 'RUNNING' | 'COMPLETE' | 'FAIL' | 'ABORT' {
  return ({ SCHEDULED: 'START', RUNNING: 'RUNNING', FINISHED: 'COMPLETE', FAILED: 'FAIL', KILLED: 'ABORT' } as const)[status as 'RUNNING'] ?? 'RUNNING';
}

/** MLflow run ids are 32 hex digits: the same number as a UUID, which the graph's run ids are. */
export function runUuid(runId: string): string {
  const hex = runId.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new MlflowShapeError(`run id '${runId}' is not 32 hex digits`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
