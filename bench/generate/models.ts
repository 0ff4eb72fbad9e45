import { randomUUID } from 'node:crypto';
import { Driver } from 'neo4j-driver';
import { Random } from '../random';
import { Scale } from '../scales';
import { DatasetPlan } from './datasets';
import { HOUR, loadRows } from './load';

export interface ModelPlan {
  id: string;
  name: string;
  versions: { id: string; createdAt: Date }[];
  /** Version indices that were champion, in order (every fifth version); the last is champion now. */
  champions: number[];
}

export interface ModelsResult {
  models: ModelPlan[];
  featureIds: string[];
}

/**
 * Features from mart fields; models whose versions are each produced by a training run that read
 * a version of a training set (TRAINED_ON TRAIN/VALIDATION/TEST) and use 10–20 features of the
 * model's pool; each version superseded by the next; a `champion` alias moved every five versions.
 */
export async function loadModels(driver: Driver, scale: Scale, plans: DatasetPlan[], rnd: Random): Promise<ModelsResult> {
  const marts = plans.filter((d) => d.layer === 3);
  const training = plans.filter((d) => d.layer === 4);
  const features = Array.from({ length: scale.features }, (_, i) => {
    const mart = rnd.pick(marts);
    const v = rnd.int(Math.floor((mart.versionIds.length * 2) / 3), mart.versionIds.length - 1);
    const fields = rnd.sample(mart.fieldIds[v], rnd.int(1, 3));
    return { id: randomUUID(), name: `feat_${i}`, createdAt: new Date(mart.versionTimes[v].getTime() + HOUR), fields };
  });
  await loadRows(driver, `UNWIND $rows AS f
    CREATE (fe:Feature {id: f.id, namespace: 'features', name: f.name, description: 'generated', transformation: 'sql', createdAt: f.createdAt})
    WITH fe, f UNWIND f.fields AS fieldId
    MATCH (field:Field {id: fieldId})
    CREATE (fe)-[:DERIVED_FROM]->(field)`, features, scale.batch);

  const models: ModelPlan[] = [];
  const versionRows = [];
  for (let m = 0; m < scale.models; m++) {
    const model: ModelPlan = { id: randomUUID(), name: `model_${m}`, versions: [], champions: [] };
    const [a, b] = [training[m % training.length], training[(m + 1) % training.length]];
    const pool = rnd.sample(features, 40).map((f) => f.id);
    for (let k = 0; k < scale.versionsPerModel; k++) {
      const vi = Math.floor((k * a.versionIds.length) / scale.versionsPerModel);
      const createdAt = new Date(a.versionTimes[vi].getTime() + 2 * HOUR + k * 60_000);
      model.versions.push({ id: randomUUID(), createdAt });
      if (k % 5 === 0) model.champions.push(k);
      versionRows.push({
        id: model.versions[k].id, modelId: model.id, version: String(k + 1), createdAt, runId: randomUUID(),
        metrics: JSON.stringify({ auc: 0.7 + rnd.next() * 0.2 }),
        trained: [{ id: a.versionIds[vi], role: 'TRAIN' }, { id: a.versionIds[Math.max(0, vi - 1)], role: 'VALIDATION' }, { id: b.versionIds[vi], role: 'TEST' }],
        features: rnd.sample(pool, rnd.int(10, 20)).map((id) => ({ id, importance: Math.round(rnd.next() * 1000) / 1000 })),
      });
    }
    models.push(model);
  }
  await loadRows(driver, `UNWIND $rows AS m
    CREATE (:Model {id: m.id, name: m.name, description: 'generated', createdAt: m.createdAt})
    CREATE (:Job {id: m.jobId, namespace: 'training', name: 'train_' + m.name, description: null, facets: '{}', createdAt: m.createdAt, updatedAt: m.createdAt})`,
    models.map((m) => ({ id: m.id, name: m.name, jobId: randomUUID(), createdAt: m.versions[0].createdAt })), scale.batch);
  await loadRows(driver, `UNWIND $rows AS r
    MATCH (m:Model {id: r.modelId})
    MATCH (j:Job {namespace: 'training', name: 'train_' + m.name})
    CREATE (run:Run {id: r.runId, runId: r.runId, jobId: j.id, state: 'COMPLETE', startedAt: r.createdAt, endedAt: r.createdAt, codeVersion: 'git:train',
                     parameters: '{"max_depth": 6}', facets: '{}', createdAt: r.createdAt})-[:RUN_OF]->(j)
    CREATE (mv:ModelVersion {id: r.id, modelId: r.modelId, version: r.version, contentHash: 'sha256:' + r.id, tags: ['xgboost'], metrics: r.metrics, createdAt: r.createdAt})-[:VERSION_OF]->(m)
    CREATE (mv)-[:PRODUCED_BY]->(run)
    WITH run, mv, r
    CALL (run, mv, r) {
      UNWIND r.trained AS t
      MATCH (dv:DatasetVersion {id: t.id})
      CREATE (mv)-[:TRAINED_ON {role: t.role}]->(dv)
      MERGE (run)-[:READ]->(dv)
    }
    CALL (mv, r) {
      UNWIND r.features AS u
      MATCH (fe:Feature {id: u.id})
      CREATE (mv)-[:USES_FEATURE {importance: u.importance}]->(fe)
    }`, versionRows, scale.batch, (r) => 2 + r.trained.length + r.features.length);
  await loadRows(driver, `UNWIND $rows AS s
    MATCH (old:ModelVersion {id: s.old}) MATCH (new:ModelVersion {id: s.new})
    SET old.supersededAt = s.at, old.supersededReason = 'retrained'
    CREATE (old)-[:SUPERSEDED_BY {at: s.at, reason: 'retrained'}]->(new)`,
    models.flatMap((m) => m.versions.slice(1).map((v, k) => ({ old: m.versions[k].id, new: v.id, at: v.createdAt }))), scale.batch);
  await loadRows(driver, `UNWIND $rows AS a
    MATCH (m:Model {id: a.modelId}) MATCH (mv:ModelVersion {id: a.versionId})
    CREATE (m)-[:ALIAS {name: a.name, from: a.from, to: a.to, reason: 'promoted'}]->(mv)`, models.flatMap(aliasRows), scale.batch);
  return { models, featureIds: features.map((f) => f.id) };
}

function aliasRows(m: ModelPlan) {
  const latest = m.versions[m.versions.length - 1];
  return [
    ...m.champions.map((k, i) => ({
      modelId: m.id, versionId: m.versions[k].id, name: 'champion', from: m.versions[k].createdAt,
      to: i + 1 < m.champions.length ? m.versions[m.champions[i + 1]].createdAt : null,
    })),
    { modelId: m.id, versionId: latest.id, name: 'challenger', from: latest.createdAt, to: null },
  ];
}
