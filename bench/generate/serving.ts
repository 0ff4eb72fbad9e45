import { randomUUID } from 'node:crypto';
import { Driver } from 'neo4j-driver';
import { Random } from '../random';
import { Scale } from '../scales';
import { loadRows } from './load';
import { ModelPlan } from './models';

export interface ServingResult {
  ensembles: { id: string; name: string }[];
  deployments: { id: string; name: string; serves: 'MODEL_VERSION' | 'ENSEMBLE' }[];
}

/**
 * Ensembles of three models' versions (an older set of members closed, the current set open) and
 * deployments with history: each model's production deployment served every champion in turn and
 * now splits 90/10 between the champion and the latest version; a third of the models have a
 * staging deployment; every tenth a retired one; each ensemble has its own deployment.
 */
export async function loadServing(driver: Driver, scale: Scale, models: ModelPlan[], rnd: Random): Promise<ServingResult> {
  const ensembles = Array.from({ length: scale.ensembles }, (_, e) => {
    const members = rnd.sample(models, 3);
    const older = members.map((m) => m.versions[Math.floor(m.versions.length / 2)]);
    const current = members.map((m) => m.versions[m.versions.length - 1]);
    const since = new Date(Math.max(...older.map((v) => v.createdAt.getTime())));
    const switched = new Date(Math.max(...current.map((v) => v.createdAt.getTime())));
    return {
      id: randomUUID(), name: `ensemble_${e}`, since,
      members: [
        ...older.map((v) => ({ id: v.id, weight: 1 / 3, from: since, to: switched })),
        ...current.map((v) => ({ id: v.id, weight: 1 / 3, from: switched, to: null })),
      ],
    };
  });
  await loadRows(driver, `UNWIND $rows AS e
    CREATE (en:Ensemble {id: e.id, name: e.name, description: 'generated', createdAt: e.since})
    WITH en, e UNWIND e.members AS m
    MATCH (mv:ModelVersion {id: m.id})
    CREATE (en)-[:MEMBER {weight: m.weight, from: m.from, to: m.to, reason: 'rebalanced'}]->(mv)`, ensembles, scale.batch, (e) => 1 + e.members.length);

  const deployments: { id: string; name: string; environment: string; createdAt: Date; retiredAt: Date | null; serves: { id: string; share: number; from: Date; to: Date | null }[]; kind: 'MODEL_VERSION' | 'ENSEMBLE' }[] = [];
  models.forEach((m, i) => {
    const at = (k: number) => m.versions[k].createdAt;
    const champions = m.champions;
    const history = champions.slice(0, -1).map((k, c) => ({ id: m.versions[k].id, share: 1, from: at(k), to: at(champions[c + 1]) }));
    const champion = champions[champions.length - 1];
    const latest = m.versions.length - 1;
    const now = latest === champion
      ? [{ id: m.versions[champion].id, share: 1, from: at(champion), to: null }]
      : [{ id: m.versions[champion].id, share: 0.9, from: at(latest), to: null }, { id: m.versions[latest].id, share: 0.1, from: at(latest), to: null },
         { id: m.versions[champion].id, share: 1, from: at(champion), to: at(latest) }];
    deployments.push({ id: randomUUID(), name: `${m.name}-prod`, environment: 'production', createdAt: at(0), retiredAt: null, serves: [...history, ...now], kind: 'MODEL_VERSION' });
    if (i % 3 === 0) deployments.push({ id: randomUUID(), name: `${m.name}-staging`, environment: 'staging', createdAt: at(0), retiredAt: null, serves: [{ id: m.versions[latest].id, share: 1, from: at(latest), to: null }], kind: 'MODEL_VERSION' });
    if (i % 10 === 0) deployments.push({ id: randomUUID(), name: `${m.name}-legacy`, environment: 'production', createdAt: at(0), retiredAt: at(1), serves: [{ id: m.versions[0].id, share: 1, from: at(0), to: at(1) }], kind: 'MODEL_VERSION' });
  });
  for (const e of ensembles) {
    deployments.push({ id: randomUUID(), name: `${e.name}-prod`, environment: 'production', createdAt: e.since, retiredAt: null, serves: [{ id: e.id, share: 1, from: e.since, to: null }], kind: 'ENSEMBLE' });
  }
  await loadRows(driver, `UNWIND $rows AS d
    CREATE (dep:Deployment {id: d.id, name: d.name, environment: d.environment, endpoint: 'https://ml.example.com/' + d.name, createdAt: d.createdAt,
                            retiredAt: d.retiredAt, retiredReason: CASE WHEN d.retiredAt IS NULL THEN null ELSE 'replaced' END})
    WITH dep, d UNWIND d.serves AS s
    OPTIONAL MATCH (mv:ModelVersion {id: s.id})
    OPTIONAL MATCH (en:Ensemble {id: s.id})
    WITH dep, s, coalesce(mv, en) AS target
    CREATE (dep)-[:SERVES {trafficShare: s.share, from: s.from, to: s.to, reason: 'release'}]->(target)`,
    deployments.map(({ kind: _kind, ...d }) => d), scale.batch, (d) => 1 + d.serves.length);
  return {
    ensembles: ensembles.map((e) => ({ id: e.id, name: e.name })),
    deployments: deployments.map((d) => ({ id: d.id, name: d.name, serves: d.kind })),
  };
}
