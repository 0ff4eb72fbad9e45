import { Db, Tx } from '../db/db';
import { ParamsOf, RowOf } from '../db/query';
import * as Q from '../generated/cypher';
import { toField } from '../dataset/dataset.repository';
import { Field } from '../dataset/dataset.types';
import { Feature } from './feature.types';


/** The only code that talks to Neo4j about features and the fields they are derived from. */
export class FeatureRepository {
  constructor(private readonly db: Db) {}

  async upsert(tx: Tx, p: ParamsOf<typeof Q.featureUpsert>): Promise<Feature> {
    const rows = await tx.run(Q.featureUpsert, p);
    return toFeature(rows[0].feature);
  }

  /** Locks the feature; undefined when it does not exist yet. */
  async forUpdate(tx: Tx, namespace: string, name: string): Promise<RowOf<typeof Q.featureForUpdate> | undefined> {
    return tx.one(Q.featureForUpdate, { namespace, name });
  }

  async byIds(ids: readonly string[]): Promise<Feature[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.featureByIds, { ids: [...ids] }));
    return rows.map((r) => toFeature(r.feature));
  }

  async byKey(namespace: string, name: string): Promise<Feature | undefined> {
    const row = await this.db.readOne((tx) => tx.one(Q.featureByKey, { namespace, name }));
    return row && toFeature(row.feature);
  }

  async list(p: ParamsOf<typeof Q.featureList>): Promise<Feature[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.featureList, p));
    return rows.map((r) => toFeature(r.feature));
  }

  async derivedFrom(featureIds: readonly string[]): Promise<{ featureId: string; field: Field }[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.featureDerivedFrom, { featureIds: [...featureIds] }));
    return rows.map((r) => ({ featureId: r.featureId, field: toField(r.field) }));
  }

  async ofFields(fieldIds: readonly string[]): Promise<{ fieldId: string; feature: Feature }[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.featureOfFields, { fieldIds: [...fieldIds] }));
    return rows.map((r) => ({ fieldId: r.fieldId, feature: toFeature(r.feature) }));
  }
}

/** Node properties → Feature (absent properties are null). */
export function toFeature(p: RowOf<typeof Q.featureByIds>['feature']): Feature {
  return { ...p, description: p.description ?? null, transformation: p.transformation ?? null };
}
