import { Field as GqlField, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DatasetVersion } from '../dataset/dataset.types';
import { SchemaChangeKind } from './diff';
import { DistributionKind } from './profile';

export { SchemaChangeKind, DistributionKind };
registerEnumType(SchemaChangeKind, { name: 'SchemaChangeKind', description: 'How a field differs between two dataset versions.' });

registerEnumType(DistributionKind, { name: 'DistributionKind', description: 'Numeric (histogram/quantiles) or categorical (top values).' });

@InputType({ description: 'When a field counts as drifted: any given threshold reached. PSI and Jensen–Shannon always apply.' })
export class DriftThresholdsInput {
  @GqlField(() => Float, { defaultValue: 0.2, description: 'Population Stability Index at or above which a field drifted.' })
  psi!: number;
  @GqlField(() => Float, { defaultValue: 0.1, description: 'Jensen–Shannon distance (base 2, 0..1) at or above which a field drifted.' })
  js!: number;
  @GqlField(() => Float, { nullable: true, description: 'Normed Wasserstein distance (0..1) threshold, numeric fields; off by default.' })
  wasserstein?: number | null;
  @GqlField(() => Float, { nullable: true, description: 'Kolmogorov–Smirnov statistic threshold, numeric fields; off by default.' })
  ks?: number | null;
}

@ObjectType({ description: 'The thresholds a diff applied.' })
export class DriftThresholds {
  @GqlField(() => Float) psi!: number;
  @GqlField(() => Float) js!: number;
  @GqlField(() => Float, { nullable: true }) wasserstein!: number | null;
  @GqlField(() => Float, { nullable: true }) ks!: number | null;
}

@ObjectType({ description: 'A field added, removed or retyped between two versions.' })
export class SchemaChange {
  @GqlField() field!: string;
  @GqlField(() => SchemaChangeKind) change!: SchemaChangeKind;
  @GqlField(() => String, { nullable: true }) fromType!: string | null;
  @GqlField(() => String, { nullable: true }) toType!: string | null;
}

@ObjectType({ description: "How one field's distribution moved, from the two versions' profiles." })
export class FieldDrift {
  @GqlField() field!: string;
  @GqlField(() => DistributionKind, { nullable: true }) kind!: DistributionKind | null;
  @GqlField(() => Float, { nullable: true, description: 'Population Stability Index (empty bins count as 0.01%).' }) psi!: number | null;
  @GqlField(() => Float, { nullable: true, description: 'Jensen–Shannon distance, base 2: 0 same, 1 disjoint.' }) jensenShannon!: number | null;
  @GqlField(() => Float, { nullable: true, description: 'Wasserstein-1 distance divided by the value range (numeric).' }) wasserstein!: number | null;
  @GqlField(() => Float, { nullable: true, description: 'Largest CDF gap at the bin edges (numeric).' }) ks!: number | null;
  @GqlField(() => Float, { nullable: true }) nullShareFrom!: number | null;
  @GqlField(() => Float, { nullable: true }) nullShareTo!: number | null;
  @GqlField(() => Boolean, { nullable: true, description: 'Null when the field could not be compared; see note.' }) drifted!: boolean | null;
  @GqlField(() => String, { nullable: true }) note!: string | null;
}

@ObjectType({ description: 'Schema changes and per-field drift between two dataset versions.' })
export class DatasetDiff {
  @GqlField(() => DatasetVersion) from!: DatasetVersion;
  @GqlField(() => DatasetVersion) to!: DatasetVersion;
  @GqlField(() => [SchemaChange]) schemaChanges!: SchemaChange[];
  @GqlField(() => [FieldDrift], { description: 'Fields present in both versions, in the order of the `to` schema.' })
  fields!: FieldDrift[];
  @GqlField(() => Int) comparedFields!: number;
  @GqlField(() => Int) driftedFields!: number;
  @GqlField(() => Float, { nullable: true, description: 'driftedFields / comparedFields; null when none could be compared.' })
  driftedShare!: number | null;
  @GqlField(() => DriftThresholds) thresholds!: DriftThresholds;
}
