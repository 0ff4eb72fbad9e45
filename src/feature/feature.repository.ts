import { Db, Tx } from '../db/db';
import { ParamsOf } from '../db/query';
import * as Q from '../generated/cypher';
import { parseJsonProperty } from '../common/validate';
import { Field } from '../dataset/dataset.types';
import { Feature } from './feature.types';

type Props = Record<string, unknown>;

/** The only code that talks to Neo4j about features and the fields they are derived from. */
export class FeatureRepository {
  constructor(private readonly db: Db) {}

  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.write(work);
  }

  async upsert(tx: Tx, p: ParamsOf<typeof Q.featureUpsert>): Promise<Feature> {
    const rows = await tx.run<{ feature: Props }>(Q.featureUpsert, p);
    return toFeature(rows[0].feature);
  }

  async byIds(ids: readonly string[]): Promise<Feature[]> {
    const rows = await this.db.read((tx) => tx.run<{ feature: Props }>(Q.featureByIds, { ids: [...ids] }));
    return rows.map((r) => toFeature(r.feature));
  }

  async byKey(namespace: string, name: string): Promise<Feature | undefined> {
    const row = await this.db.read((tx) => tx.one<{ feature: Props }>(Q.featureByKey, { namespace, name }));
    return row && toFeature(row.feature);
  }

  async list(p: ParamsOf<typeof Q.featureList>): Promise<Feature[]> {
    const rows = await this.db.read((tx) => tx.run<{ feature: Props }>(Q.featureList, p));
    return rows.map((r) => toFeature(r.feature));
  }

  async derivedFrom(featureIds: readonly string[]): Promise<{ featureId: string; field: Field }[]> {
    const rows = await this.db.read((tx) => tx.run<{ featureId: string; field: Props }>(Q.featureDerivedFrom, { featureIds: [...featureIds] }));
    return rows.map((r) => ({ featureId: r.featureId, field: { ...(r.field as unknown as Field), profile: parseJsonProperty(r.field.profile) as Field['profile'] } }));
  }

  async ofFields(fieldIds: readonly string[]): Promise<{ fieldId: string; feature: Feature }[]> {
    const rows = await this.db.read((tx) => tx.run<{ fieldId: string; feature: Props }>(Q.featureOfFields, { fieldIds: [...fieldIds] }));
    return rows.map((r) => ({ fieldId: r.fieldId, feature: toFeature(r.feature) }));
  }
}

export function toFeature(p: Props): Feature {
  return { ...(p as unknown as Feature), description: (p.description as string) ?? null, transformation: (p.transformation as string) ?? null };
}
