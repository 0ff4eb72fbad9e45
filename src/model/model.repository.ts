import { jsonObject } from '../db/convert';
import { Db, Tx } from '../db/db';
import { ParamsOf, RowOf } from '../db/query';
import * as Q from '../generated/cypher';
import { Model, ModelAlias, ModelVersion } from './model.types';

/** The only code that talks to Neo4j about models and their aliases. */
export class ModelRepository {
  constructor(private readonly db: Db) {}

  async upsert(tx: Tx, p: ParamsOf<typeof Q.modelUpsert>): Promise<Model> {
    return toModel((await tx.run(Q.modelUpsert, p))[0].model);
  }

  async byIds(ids: readonly string[]): Promise<Model[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.modelByIds, { ids: [...ids] }));
    return rows.map((r) => toModel(r.model));
  }

  /** In `tx` when given (a mutation checking what exists), else in a read of its own. */
  async byKey(name: string, tx?: Tx): Promise<Model | undefined> {
    const find = (t: Tx) => t.one(Q.modelByKey, { name });
    const row = await (tx ? find(tx) : this.db.read(find));
    return row && toModel(row.model);
  }

  async list(p: ParamsOf<typeof Q.modelList>): Promise<Model[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.modelList, p));
    return rows.map((r) => toModel(r.model));
  }

  async versionsOf(modelIds: readonly string[]): Promise<ModelVersion[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.modelVersionsOf, { modelIds: [...modelIds] }));
    return rows.map((r) => toModelVersion(r.version));
  }

  async currentAliases(modelIds: readonly string[]): Promise<{ modelId: string; alias: ModelAlias }[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.modelCurrentAliases, { modelIds: [...modelIds] }));
    return rows.map((r) => ({ modelId: r.modelId, alias: toAlias(r) }));
  }

  async aliasHistory(modelIds: readonly string[], name: string | null): Promise<{ modelId: string; alias: ModelAlias }[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.modelAliasHistory, { modelIds: [...modelIds], name }));
    return rows.map((r) => ({ modelId: r.modelId, alias: toAlias(r) }));
  }

  /** Locks the model; what alias `alias` points at now and when it last changed. */
  async aliasForUpdate(tx: Tx, p: ParamsOf<typeof Q.modelAliasForUpdate>): Promise<RowOf<typeof Q.modelAliasForUpdate>> {
    return (await tx.run(Q.modelAliasForUpdate, p))[0];
  }

  async setAlias(tx: Tx, p: ParamsOf<typeof Q.modelSetAlias>): Promise<ModelAlias> {
    return toAlias((await tx.run(Q.modelSetAlias, p))[0]);
  }

  async removeAlias(tx: Tx, p: ParamsOf<typeof Q.modelRemoveAlias>): Promise<Model> {
    return toModel((await tx.run(Q.modelRemoveAlias, p))[0].model);
  }
}

type ModelProps = RowOf<typeof Q.modelByIds>['model'];
/** A model version's properties, contentHash included. */
export type ModelVersionProps = RowOf<typeof Q.modelVersionsByIds>['version'];
/** A model version with the contentHash the service compares; GraphQL never shows it. */
export type StoredModelVersion = ModelVersion & { contentHash: string };

function toModel(p: ModelProps): Model {
  return { ...p, description: p.description ?? null };
}

function toAlias(r: RowOf<typeof Q.modelCurrentAliases> | RowOf<typeof Q.modelSetAlias>): ModelAlias {
  const a = r.alias;
  return { name: a.name, from: a.from, to: a.to ?? null, reason: a.reason ?? null, modelVersion: toModelVersion(r.modelVersion) };
}

/** Node properties → ModelVersion (absent properties are null, absent tags empty); contentHash is kept. */
export function toModelVersion(p: ModelVersionProps): StoredModelVersion {
  return {
    ...p,
    tags: p.tags ?? [],
    metrics: jsonObject(p.metrics),
    supersededAt: p.supersededAt ?? null,
    supersededReason: p.supersededReason ?? null,
  };
}
