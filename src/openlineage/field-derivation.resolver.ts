import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Field } from '../dataset/dataset.types';
import { groupBy, requestLoader } from '../db/request-scope';
import { FieldDerivationRepository } from './field-derivation.repository';
import { FieldDerivation } from './field-derivation.types';

/** Column lineage, loaded per request in one statement for all the fields asked about. */
export class FieldDerivationService {
  constructor(private readonly repo: FieldDerivationRepository) {}

  derivedFrom(fieldId: string): Promise<FieldDerivation[]> {
    return requestLoader<string, FieldDerivation[]>('field.derivedFrom', async (ids) =>
      groupBy(ids, await this.repo.derivedFrom(ids), (r) => r.fieldId).map((rows) => rows.map((r) => r.derivation))).load(fieldId);
  }
}

/** Adds `derivedFrom` to the dataset module's Field type: the columns it is computed from. */
@Resolver(() => Field)
export class FieldDerivationResolver {
  constructor(private readonly service: FieldDerivationService) {}

  @FieldResolver(() => [FieldDerivation], { description: 'The fields this field is computed from (column lineage), with the transformations.' })
  derivedFrom(@Root() f: Field) { return this.service.derivedFrom(f.id); }
}
