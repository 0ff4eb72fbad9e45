import { Db } from '../db/db';
import * as Q from '../generated/cypher';
import { toField } from '../dataset/dataset.repository';
import { FieldDerivation, parseTransformations } from './field-derivation.types';

/** Reads field-to-field column lineage (written by OpenLineage ingestion) with its transformations. */
export class FieldDerivationRepository {
  constructor(private readonly db: Db) {}

  async derivedFrom(fieldIds: readonly string[]): Promise<{ fieldId: string; derivation: FieldDerivation }[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.openlineageFieldDerivations, { fieldIds: [...fieldIds] }));
    return rows.map((r) => ({
      fieldId: r.fieldId,
      derivation: {
        field: toField(r.field), transformation: r.transformation, description: r.description,
        transformations: parseTransformations(r.transformations),
      },
    }));
  }
}
