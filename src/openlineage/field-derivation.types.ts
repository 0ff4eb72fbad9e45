import { Field as GqlField, ObjectType } from 'type-graphql';
import { Field } from '../dataset/dataset.types';

/** One step of a column's derivation, as OpenLineage's columnLineage facet describes it. */
@ObjectType({ description: 'How an output column is computed from an input column (OpenLineage columnLineage: DIRECT or INDIRECT, and a subtype).' })
export class FieldTransformation {
  @GqlField(() => String, { nullable: true, description: 'DIRECT (the value is computed from the input) or INDIRECT (the input only filters, groups, sorts ...).' })
  type!: string | null;
  @GqlField(() => String, { nullable: true, description: 'e.g. IDENTITY, TRANSFORMATION, AGGREGATION; JOIN, GROUP_BY, FILTER, SORT, WINDOW, CONDITIONAL.' })
  subtype!: string | null;
  @GqlField(() => String, { nullable: true }) description!: string | null;
  @GqlField(() => Boolean, { nullable: true, description: 'The transformation masks the input (e.g. a hash).' })
  masking!: boolean | null;
}

/**
 * A column-lineage relationship's `transformations` property (JSON text written at ingestion) as
 * transformations; none for a relationship without it (e.g. a feature's DERIVED_FROM).
 */
export function parseTransformations(json: string | null | undefined): FieldTransformation[] {
  if (!json) return [];
  return (JSON.parse(json) as Partial<FieldTransformation>[]).map((t) => ({
    type: t.type ?? null, subtype: t.subtype ?? null, description: t.description ?? null, masking: t.masking ?? null,
  }));
}

@ObjectType({ description: 'A field this field is derived from (column lineage), with the transformations.' })
export class FieldDerivation {
  @GqlField(() => Field) field!: Field;
  @GqlField(() => [FieldTransformation]) transformations!: FieldTransformation[];
  @GqlField(() => String, { nullable: true, description: 'The transformations as one text, e.g. "DIRECT/AGGREGATION".' })
  transformation!: string | null;
  @GqlField(() => String, { nullable: true }) description!: string | null;
}
