import { Db, Tx } from '../db/db';
import { ParamsOf } from '../db/query';
import * as Q from '../generated/cypher';
import { CheckedRef } from '../graph/node-ref-check';
import { resolveRefs } from '../graph/resolve-refs';
import { parseJsonProperty } from '../common/validate';
import { Dataset, DatasetVersion, Field } from './dataset.types';

type Props = Record<string, unknown>;

/** The only code that talks to Neo4j about datasets, their versions and fields. */
export class DatasetRepository {
  constructor(private readonly db: Db) {}

  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.write(work);
  }

  async upsert(tx: Tx, p: { namespace: string; name: string; description: string | null }): Promise<Dataset> {
    const rows = await tx.run<{ dataset: Props }>(Q.datasetUpsert, p);
    return toDataset(rows[0].dataset);
  }

  async registerVersion(tx: Tx, p: ParamsOf<typeof Q.datasetRegisterVersion>): Promise<{ version: DatasetVersion & { contentHash: string }; created: boolean }> {
    const row = (await tx.run<{ version: Props; created: boolean }>(Q.datasetRegisterVersion, p))[0];
    return { version: row.version as unknown as DatasetVersion & { contentHash: string }, created: row.created };
  }

  async byIds(ids: readonly string[]): Promise<Dataset[]> {
    const rows = await this.db.read((tx) => tx.run<{ dataset: Props }>(Q.datasetByIds, { ids: [...ids] }));
    return rows.map((r) => toDataset(r.dataset));
  }

  async byKey(namespace: string, name: string): Promise<Dataset | undefined> {
    const row = await this.db.read((tx) => tx.one<{ dataset: Props }>(Q.datasetByKey, { namespace, name }));
    return row && toDataset(row.dataset);
  }

  async list(p: { namespace: string | null; nameContains: string | null; after: unknown[] | null; limit: number }): Promise<Dataset[]> {
    const rows = await this.db.read((tx) => tx.run<{ dataset: Props }>(Q.datasetList, p));
    return rows.map((r) => toDataset(r.dataset));
  }

  async versionsOf(datasetIds: readonly string[]): Promise<DatasetVersion[]> {
    const rows = await this.db.read((tx) => tx.run<{ version: DatasetVersion }>(Q.datasetVersionsOf, { datasetIds: [...datasetIds] }));
    return rows.map((r) => r.version);
  }

  async currentVersions(datasetIds: readonly string[], asOf: Date): Promise<DatasetVersion[]> {
    const rows = await this.db.read((tx) => tx.run<{ version: DatasetVersion }>(Q.datasetCurrentVersions, { datasetIds: [...datasetIds], asOf }));
    return rows.map((r) => r.version);
  }

  /** The version a checked DATASET_VERSION reference names (src/graph/resolve-refs.ts). */
  async versionByRef(ref: CheckedRef): Promise<DatasetVersion | undefined> {
    const [found] = await this.db.read((tx) => resolveRefs(tx, [ref]));
    return found ? (found.props as unknown as DatasetVersion) : undefined;
  }

  async versionsByIds(ids: readonly string[]): Promise<DatasetVersion[]> {
    const rows = await this.db.read((tx) => tx.run<{ version: DatasetVersion }>(Q.datasetVersionsByIds, { ids: [...ids] }));
    return rows.map((r) => r.version);
  }

  async fieldsOf(versionIds: readonly string[]): Promise<Field[]> {
    const rows = await this.db.read((tx) => tx.run<{ field: Props }>(Q.datasetFieldsOf, { versionIds: [...versionIds] }));
    return rows.map((r) => toField(r.field));
  }

  async fieldsByIds(ids: readonly string[]): Promise<Field[]> {
    const rows = await this.db.read((tx) => tx.run<{ field: Props }>(Q.datasetFieldsByIds, { ids: [...ids] }));
    return rows.map((r) => toField(r.field));
  }
}

function toDataset(p: Props): Dataset {
  return { ...(p as unknown as Dataset), description: (p.description as string) ?? null, facets: parseJsonProperty(p.facets) as Dataset['facets'] };
}

function toField(p: Props): Field {
  return { ...(p as unknown as Field), profile: parseJsonProperty(p.profile) as Field['profile'] };
}
