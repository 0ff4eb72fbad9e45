import { Db, Tx } from '../db/db';
import { ParamsOf } from '../db/query';
import * as Q from '../generated/cypher';
import { parseJsonProperty } from '../common/validate';
import { Model, ModelAlias, ModelVersion } from './model.types';

type Props = Record<string, unknown>;

/** The only code that talks to Neo4j about models and their aliases. */
export class ModelRepository {
  constructor(private readonly db: Db) {}

  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.write(work);
  }

  async upsert(tx: Tx, p: ParamsOf<typeof Q.modelUpsert>): Promise<Model> {
    return toModel((await tx.run<{ model: Props }>(Q.modelUpsert, p))[0].model);
  }

  async byIds(ids: readonly string[]): Promise<Model[]> {
    const rows = await this.db.read((tx) => tx.run<{ model: Props }>(Q.modelByIds, { ids: [...ids] }));
    return rows.map((r) => toModel(r.model));
  }

  /** In `tx` when given (a mutation checking what exists), else in a read of its own. */
  async byKey(name: string, tx?: Tx): Promise<Model | undefined> {
    const find = (t: Tx) => t.one<{ model: Props }>(Q.modelByKey, { name });
    const row = await (tx ? find(tx) : this.db.read(find));
    return row && toModel(row.model);
  }

  async list(p: ParamsOf<typeof Q.modelList>): Promise<Model[]> {
    const rows = await this.db.read((tx) => tx.run<{ model: Props }>(Q.modelList, p));
    return rows.map((r) => toModel(r.model));
  }

  async versionsOf(modelIds: readonly string[]): Promise<ModelVersion[]> {
    const rows = await this.db.read((tx) => tx.run<{ version: Props }>(Q.modelVersionsOf, { modelIds: [...modelIds] }));
    return rows.map((r) => toModelVersion(r.version));
  }

  async currentAliases(modelIds: readonly string[]): Promise<{ modelId: string; alias: ModelAlias }[]> {
    const rows = await this.db.read((tx) => tx.run<AliasRow>(Q.modelCurrentAliases, { modelIds: [...modelIds] }));
    return rows.map((r) => ({ modelId: r.modelId, alias: toAlias(r) }));
  }

  async aliasHistory(modelIds: readonly string[], name: string | null): Promise<{ modelId: string; alias: ModelAlias }[]> {
    const rows = await this.db.read((tx) => tx.run<AliasRow>(Q.modelAliasHistory, { modelIds: [...modelIds], name }));
    return rows.map((r) => ({ modelId: r.modelId, alias: toAlias(r) }));
  }

  async setAlias(tx: Tx, p: ParamsOf<typeof Q.modelSetAlias>): Promise<ModelAlias> {
    return toAlias((await tx.run<AliasRow>(Q.modelSetAlias, p))[0]);
  }

  async removeAlias(tx: Tx, p: ParamsOf<typeof Q.modelRemoveAlias>): Promise<Model> {
    return toModel((await tx.run<{ model: Props }>(Q.modelRemoveAlias, p))[0].model);
  }
}

interface AliasRow { modelId: string; alias: Props; modelVersion: Props }

function toModel(p: Props): Model {
  return { ...(p as unknown as Model), description: (p.description as string) ?? null };
}

function toAlias(r: AliasRow): ModelAlias {
  const a = r.alias;
  return { name: a.name as string, from: a.from as Date, to: (a.to as Date) ?? null, reason: (a.reason as string) ?? null, modelVersion: toModelVersion(r.modelVersion) };
}

/** Node properties → ModelVersion; contentHash is kept (the service compares it), GraphQL never shows it. */
export function toModelVersion(p: Props): ModelVersion & { contentHash: string } {
  return {
    ...(p as unknown as ModelVersion & { contentHash: string }),
    tags: (p.tags as string[]) ?? [],
    metrics: parseJsonProperty(p.metrics) as ModelVersion['metrics'],
    supersededAt: (p.supersededAt as Date) ?? null,
    supersededReason: (p.supersededReason as string) ?? null,
  };
}
