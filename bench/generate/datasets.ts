import { randomUUID } from 'node:crypto';
import { Driver } from 'neo4j-driver';
import { Random } from '../random';
import { Scale } from '../scales';
import { BASE_TIME, DAY, HOUR, loadRows } from './load';

/** A generated dataset: its place in the pipeline, its schema, and the ids of its versions and fields. */
export interface DatasetPlan {
  index: number;
  id: string;
  namespace: string;
  name: string;
  layer: number;
  /** Upstream datasets (indices) its job reads. */
  inputs: number[];
  fields: { name: string; type: string }[];
  /** Per field: the [input dataset, input field] pairs it is derived from (derived datasets only). */
  sources: [number, number][][];
  jobId: string | null;
  versionIds: string[];
  /** [version][field] */
  fieldIds: string[][];
  versionTimes: Date[];
}

export const LAYER_NAMES = ['raw', 'staging', 'intermediate', 'mart', 'training'];
const TYPES = ['bigint', 'double', 'string', 'timestamp', 'boolean'];
const TRANSFORMATIONS = ['DIRECT/IDENTITY', 'DIRECT/TRANSFORMATION', 'DIRECT/AGGREGATION', 'INDIRECT/FILTER', 'INDIRECT/JOIN'];

/**
 * Plans the pipeline: layer 0 are raw datasets; every later dataset is written by its own job,
 * reading 1–3 datasets of the layer before (sometimes one two layers back), each of its fields
 * derived from 1–3 input fields. Version i of a derived dataset is computed from version i of its
 * inputs, an hour per layer later, so a raw version's downstream is one version of each dataset below.
 */
export function planDatasets(scale: Scale, rnd: Random): DatasetPlan[] {
  const plans: DatasetPlan[] = [];
  const byLayer: number[][] = scale.layers.map(() => []);
  scale.layers.forEach((count, layer) => {
    for (let i = 0; i < count; i++) {
      const index = plans.length;
      const skipLayer = layer > 1 && rnd.next() < 0.2 ? [rnd.pick(byLayer[layer - 2])] : [];
      const inputs = layer === 0 ? [] : [...rnd.sample(byLayer[layer - 1], rnd.int(1, 3)), ...skipLayer];
      const fields = Array.from({ length: rnd.int(...scale.fieldsPerVersion) }, (_, j) => ({ name: `c${j}_${rnd.pick(['id', 'amount', 'country', 'ts', 'score', 'flag', 'code'])}`, type: rnd.pick(TYPES) }));
      const sources = layer === 0 ? [] : fields.map(() => Array.from({ length: rnd.int(1, 3) }, () => {
        const input = rnd.pick(inputs);
        return [input, rnd.int(0, plans[input].fields.length - 1)] as [number, number];
      }));
      const versionTimes = Array.from({ length: scale.versionsPerDataset }, (_, v) => new Date(BASE_TIME + v * DAY + layer * HOUR));
      plans.push({
        index, id: randomUUID(), namespace: 'warehouse', name: `${LAYER_NAMES[layer]}.t${String(i).padStart(4, '0')}`, layer, inputs,
        fields, sources, jobId: layer === 0 ? null : randomUUID(),
        versionIds: versionTimes.map(() => randomUUID()),
        fieldIds: versionTimes.map(() => fields.map(() => randomUUID())),
        versionTimes,
      });
      byLayer[layer].push(index);
    }
  });
  return plans;
}

/** Datasets, their jobs, versions with fields (training sets carry column profiles), runs, field lineage. */
export async function loadDatasets(driver: Driver, plans: DatasetPlan[], batch: number): Promise<void> {
  await loadRows(driver, `UNWIND $rows AS d
    CREATE (:Dataset {id: d.id, namespace: d.namespace, name: d.name, description: d.description, facets: '{}', createdAt: d.createdAt, updatedAt: d.createdAt})`,
    plans.map((d) => ({ id: d.id, namespace: d.namespace, name: d.name, description: `${LAYER_NAMES[d.layer]} table`, createdAt: d.versionTimes[0] })), batch);
  await loadRows(driver, `UNWIND $rows AS j
    CREATE (:Job {id: j.id, namespace: 'etl', name: j.name, description: 'builds ' + j.name, facets: '{}', createdAt: j.createdAt, updatedAt: j.createdAt})`,
    plans.filter((d) => d.jobId).map((d) => ({ id: d.jobId, name: `build_${d.name}`, createdAt: d.versionTimes[0] })), batch);
  await loadRows(driver, `UNWIND $rows AS v
    MATCH (d:Dataset {id: v.datasetId})
    CREATE (dv:DatasetVersion {id: v.id, datasetId: v.datasetId, version: v.version, contentHash: v.contentHash, rowCount: v.rowCount, createdAt: v.createdAt})-[:VERSION_OF]->(d)
    WITH dv, v
    UNWIND v.fields AS f
    CREATE (dv)-[:HAS_FIELD]->(:Field {id: f.id, datasetVersionId: v.id, name: f.name, type: f.type, position: f.position, profile: f.profile})`,
    versionRows(plans), batch, (v) => 1 + v.fields.length, ['rowCount', 'fields[].position']);
  await loadRows(driver, `UNWIND $rows AS r
    MATCH (j:Job {id: r.jobId})
    MATCH (out:DatasetVersion {id: r.wrote})
    CREATE (run:Run {id: r.runId, runId: r.runId, jobId: r.jobId, state: 'COMPLETE', startedAt: r.startedAt, endedAt: r.endedAt, codeVersion: r.codeVersion,
                     parameters: r.parameters, facets: '{}', nominalStartTime: r.startedAt, createdAt: r.startedAt})-[:RUN_OF]->(j)
    CREATE (run)-[:WROTE]->(out)
    WITH run, r
    UNWIND r.read AS readId
    MATCH (inp:DatasetVersion {id: readId})
    CREATE (run)-[:READ]->(inp)`, runRows(plans), batch, (r) => 2 + r.read.length);
  await loadRows(driver, `UNWIND $rows AS e
    MATCH (out:Field {id: e.out})
    MATCH (inp:Field {id: e.inp})
    CREATE (out)-[:DERIVED_FROM {transformation: e.t}]->(inp)`, fieldLineageRows(plans), batch * 2);
}

function* versionRows(plans: DatasetPlan[]) {
  for (const d of plans) {
    for (let v = 0; v < d.versionIds.length; v++) {
      yield {
        id: d.versionIds[v], datasetId: d.id, version: `v${v + 1}`, contentHash: `sha256:${d.versionIds[v].slice(0, 8)}`,
        rowCount: 10_000 * (v + 1), createdAt: d.versionTimes[v],
        fields: d.fields.map((f, j) => ({ id: d.fieldIds[v][j], name: f.name, type: f.type, position: j, profile: d.layer === 4 ? profileJson(v, j) : null })),
      };
    }
  }
}

function* runRows(plans: DatasetPlan[]) {
  for (const d of plans) {
    if (!d.jobId) continue;
    for (let v = 0; v < d.versionIds.length; v++) {
      const runId = randomUUID();
      yield {
        runId, jobId: d.jobId, wrote: d.versionIds[v], read: d.inputs.map((i) => plans[i].versionIds[v]),
        startedAt: new Date(d.versionTimes[v].getTime() - HOUR / 2), endedAt: d.versionTimes[v],
        codeVersion: `git:${runId.slice(0, 7)}`, parameters: JSON.stringify({ partition: `p${v}`, mode: 'full' }),
      };
    }
  }
}

function* fieldLineageRows(plans: DatasetPlan[]) {
  for (const d of plans) {
    for (let j = 0; j < d.sources.length; j++) {
      for (let v = 0; v < d.versionIds.length; v++) {
        for (const [input, field] of d.sources[j]) {
          yield { out: d.fieldIds[v][j], inp: plans[input].fieldIds[v][field], t: TRANSFORMATIONS[(j + field) % TRANSFORMATIONS.length] };
        }
      }
    }
  }
}

/** A numeric column profile (docs: src/drift/profile.ts) whose distribution shifts a little each version, so diffs find drift. */
function profileJson(version: number, field: number): string {
  const shift = ((version * 7 + field) % 5) / 10;
  const counts = [30, 25, 20, 15, 10].map((c, i) => Math.round(c * (1 + (i - 2) * shift) + 5));
  return JSON.stringify({ count: counts.reduce((a, b) => a + b, 0), nulls: version % 3, min: 0, max: 5, histogram: { edges: [0, 1, 2, 3, 4, 5], counts } });
}
