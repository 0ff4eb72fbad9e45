import { NodeType } from '../../src/graph/node-types';
import { History, HNode, HRel, RelType } from './history';
import { Random } from '../../bench/random';

/**
 * Seeded random lineage histories: datasets with versions and field lineage, jobs and runs reading
 * and writing versions, features from fields, model versions trained on versions and using
 * features, ensembles whose weights change over time, deployments with rollbacks and canaries.
 * World times (createdAt, interval from/to) are often back-filled (recorded days later), so record
 * order differs from world order (late arrivals); some READs are retracted and re-bound.
 */
export interface HistoryOptions {
  /** Retracted READ edges (re-bound to another version later). */
  retractions: boolean;
  /** Features whose DERIVED_FROM edges carry an interval (a changed definition). */
  featureHistory: boolean;
}

export const BASE = Date.UTC(2025, 0, 1);
const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
const FIELD_NAMES = ['amount', 'user_id', 'ts', 'score'];

export function randomHistory(seed: number, options: HistoryOptions): History {
  const r = new Random(seed);
  const nodes: HNode[] = [];
  const rels: HRel[] = [];
  const recorded = (world: number) => (r.chance(0.6) ? world : world + r.int(1, 30) * DAY + r.int(0, 23) * HOUR);
  const day = (lo: number, hi: number) => BASE + r.int(lo, hi) * DAY;

  const node = (n: Omit<HNode, 'createdAt' | 'recordedAt'>, at: number, rec = recorded(at), legacy = 0.05): HNode => {
    const old = r.chance(legacy);
    const made: HNode = { ...n, createdAt: old ? null : at, recordedAt: old ? null : rec };
    nodes.push(made);
    return made;
  };
  const rel = (type: RelType, from: HNode, to: HNode, extra: Partial<HRel> = {}): HRel => {
    const ends = Math.max(from.recordedAt ?? 0, to.recordedAt ?? 0);
    const rec = r.chance(0.05) ? null : Math.max(ends, BASE) + (r.chance(0.15) ? r.int(1, 10) * DAY : 0);
    const made: HRel = { id: `r${rels.length}`, type, from: from.id, to: to.id, recordedAt: rec, retractedAt: null, interval: null, ...extra };
    rels.push(made);
    return made;
  };
  /** An interval relationship [from, to): recorded when it began (or later), its end recorded when it ended (or later). */
  const interval = (type: RelType, a: HNode, b: HNode, from: number, to: number | null, extra: Partial<HRel> = {}): HRel => {
    const made = rel(type, a, b, extra);
    made.recordedAt = Math.max(made.recordedAt ?? 0, recorded(from));
    made.interval = { from, to, toRecordedAt: to === null ? null : Math.max(made.recordedAt, recorded(to)) };
    return made;
  };

  const jobs = Array.from({ length: r.int(1, 3) }, (_, j) =>
    node({ id: `job${j}`, type: NodeType.JOB, namespace: 'pipe', name: `j${j}` }, BASE - r.int(1, 5) * DAY));
  let runs = 0;
  const run = (at: number, reads: HNode[], versionsOf: (v: HNode) => HNode[]): HNode => {
    const job = r.pick(jobs);
    const made = node({ id: `run${runs++}`, type: NodeType.RUN, parent: job.id }, at, Math.max(recorded(at), job.recordedAt ?? 0));
    rel('RUN_OF', made, job, { recordedAt: made.recordedAt });
    for (const v of reads) {
      const read = rel('READ', made, v);
      const others = versionsOf(v).filter((o) => o !== v);
      if (options.retractions && read.recordedAt !== null && r.chance(0.25)) {
        read.retractedAt = read.recordedAt + r.int(1, 10) * DAY;
        if (others.length) rel('READ', made, r.pick(others), { recordedAt: read.retractedAt });
      }
    }
    return made;
  };

  // Datasets: versions over time, each with some of the dataset's fields; later datasets written by runs.
  const versions = new Map<string, HNode[]>();
  const fields = new Map<string, HNode[]>();
  const versionsOf = (v: HNode) => versions.get(v.parent!)!;
  const datasetCount = r.int(2, 4);
  for (let i = 0; i < datasetCount; i++) {
    let t = day(0, 20);
    const ds = node({ id: `ds${i}`, type: NodeType.DATASET, namespace: r.pick(['lake', 'wh']), name: `d${i}` }, t);
    const names = r.sample(FIELD_NAMES, r.int(1, 3));
    const earlier = [...versions.values()].flat();
    versions.set(ds.id, []);
    for (let v = 1, n = r.int(1, 3); v <= n; v++) {
      if (v > 1) t += r.int(1, 15) * DAY;
      const dv = node({ id: `${ds.id}v${v}`, type: NodeType.DATASET_VERSION, parent: ds.id, version: `v${v}` }, t);
      versions.get(ds.id)!.push(dv);
      rel('VERSION_OF', dv, ds);
      const own = names.filter((_, k) => k === 0 || r.chance(0.85)).map((f) => {
        const field = node({ id: `${dv.id}.${f}`, type: NodeType.FIELD, parent: dv.id, name: f }, t, dv.recordedAt ?? undefined, 0.4);
        rel('HAS_FIELD', dv, field);
        return field;
      });
      fields.set(dv.id, own);
      if (!earlier.length || !r.chance(0.7)) continue;
      const reads = r.sample(earlier, r.int(1, 2));
      const writer = run(t, reads, versionsOf);
      rel('WROTE', writer, dv);
      for (const f of own) if (r.chance(0.6)) rel('DERIVED_FROM', f, r.pick(reads.flatMap((v) => fields.get(v.id)!)));
    }
  }
  const allVersions = [...versions.values()].flat();
  const allFields = [...fields.values()].flat();

  const features = Array.from({ length: r.int(1, 3) }, (_, i) => {
    const at = day(5, 40);
    const fe = node({ id: `fe${i}`, type: NodeType.FEATURE, namespace: 'fs', name: `f${i}` }, at);
    const sources = r.sample(allFields, r.int(1, 2));
    if (options.featureHistory && r.chance(0.4)) {
      const change = at + r.int(2, 20) * DAY;
      interval('DERIVED_FROM', fe, sources[0], at, change);
      interval('DERIVED_FROM', fe, r.pick(allFields), change, null);
    } else {
      for (const f of sources) rel('DERIVED_FROM', fe, f);
    }
    return fe;
  });

  const modelVersions: HNode[] = [];
  for (let i = 0, n = r.int(1, 2); i < n; i++) {
    const model = node({ id: `m${i}`, type: NodeType.MODEL, name: `m${i}` }, day(0, 10));
    let t = day(10, 40);
    for (let v = 1, count = r.int(1, 3); v <= count; v++, t += r.int(1, 15) * DAY) {
      const mv = node({ id: `m${i}v${v}`, type: NodeType.MODEL_VERSION, parent: model.id, version: `${v}` }, t);
      modelVersions.push(mv);
      rel('VERSION_OF', mv, model);
      if (r.chance(0.7)) rel('PRODUCED_BY', mv, run(t, r.sample(allVersions, r.int(1, 2)), versionsOf));
      for (const dv of r.sample(allVersions, r.int(1, 2))) rel('TRAINED_ON', mv, dv, { role: 'TRAIN' });
      for (const fe of r.sample(features, r.int(0, 2))) rel('USES_FEATURE', mv, fe, { importance: r.int(1, 9) / 10 });
    }
  }

  const ensembles = modelVersions.length < 2 ? [] : Array.from({ length: r.int(0, 2) }, (_, i) => {
    const at = day(20, 70);
    const ens = node({ id: `e${i}`, type: NodeType.ENSEMBLE, name: `e${i}` }, at);
    for (const mv of r.sample(modelVersions, 2)) {
      if (r.chance(0.5)) {
        const change = at + r.int(1, 20) * DAY;
        interval('MEMBER', ens, mv, at, change, { weight: r.int(1, 9) / 10 });
        interval('MEMBER', ens, mv, change, null, { weight: r.int(1, 9) / 10 });
      } else {
        interval('MEMBER', ens, mv, at, null, { weight: r.int(1, 9) / 10 });
      }
    }
    return ens;
  });

  // Deployments: a sequence of targets (a rollback returns to the first), sometimes with a 10% canary beside.
  const targets = [...modelVersions, ...ensembles];
  for (let i = 0, n = r.int(1, 3); i < n; i++) {
    let t: number | null = day(20, 80);
    const dep = node({ id: `dep${i}`, type: NodeType.DEPLOYMENT, name: `dep${i}`, environment: r.pick(['production', 'staging']) }, t);
    const sequence = r.sample(targets, r.int(1, 3));
    if (sequence.length > 1 && r.chance(0.3)) sequence.push(sequence[0]);
    for (let k = 0; k < sequence.length && t !== null; k++) {
      const end: number | null = k < sequence.length - 1 || r.chance(0.3) ? t + r.int(1, 15) * DAY : null;
      const canary = r.chance(0.25) ? r.pick(targets.filter((x) => x !== sequence[k])) : undefined;
      interval('SERVES', dep, sequence[k], t, end, { trafficShare: canary ? 0.9 : 1 });
      if (canary) interval('SERVES', dep, canary, t, end, { trafficShare: 0.1 });
      t = end;
    }
  }
  return { seed, nodes, rels };
}
