import { decodeCursor, Page, PageInput, pageSize, toPage } from '../common/connection';
import { NotFoundError } from '../common/errors';
import { optionalText, requireName } from '../common/validate';
import { changeTime, statedTime } from '../common/world-time';
import { Field } from '../dataset/dataset.types';
import { Transactions } from '../db/db';
import { groupBy, indexBy, requestLoader } from '../db/request-scope';
import { checkRef } from '../graph/node-ref-check';
import { NodeType } from '../graph/node-types';
import { resolveAll } from '../graph/resolve-refs';
import { FeatureRepository } from './feature.repository';
import { Feature, FeatureFilter, UpsertFeatureInput } from './feature.types';

/** The rules for features and their lineage to dataset fields. */
export class FeatureService {
  constructor(private readonly repo: FeatureRepository, private readonly db: Transactions, private readonly maxPageSize: number) {}

  /**
   * Everything is validated and every field reference resolved before anything is written. A change
   * of derivedFrom closes the edges to fields left out and opens edges to new ones at `at` (default
   * now), after the latest change (history is append-only, as ensemble membership).
   */
  upsert(input: UpsertFeatureInput): Promise<Feature> {
    const namespace = requireName(input.namespace, 'input.namespace');
    const name = requireName(input.name, 'input.name');
    const description = optionalText(input.description, 'input.description');
    const transformation = optionalText(input.transformation, 'input.transformation');
    const at = statedTime(input.at, 'input.at');
    // A field is named by id or by all four of namespace, name, version and field (no "current version" here).
    const refs = input.derivedFrom?.map((ref, i) => checkRef(NodeType.FIELD, ref, `input.derivedFrom[${i}]`)) ?? null;
    return this.db.write(async (tx) => {
      const wanted = refs && new Set((await resolveAll(tx, refs)).map((f) => f.id));
      const current = await this.repo.forUpdate(tx, namespace, name);
      const openIds = new Set(current?.openFieldIds ?? []);
      const close = wanted ? [...openIds].filter((id) => !wanted.has(id)) : [];
      const open = wanted ? [...wanted].filter((id) => !openIds.has(id)) : [];
      const changeAt = close.length || open.length ? changeTime(at, current?.lastChange ?? null, 'input.at') : null;
      return this.repo.upsert(tx, { namespace, name, description, transformation, at, changeAt, close, open });
    });
  }

  async get(id: string): Promise<Feature> {
    const feature = await this.load(id);
    if (!feature) throw new NotFoundError('Feature', id);
    return feature;
  }

  async byName(namespace: string, name: string): Promise<Feature> {
    const feature = await this.repo.byKey(namespace, name);
    if (!feature) throw new NotFoundError('Feature', `${namespace}/${name}`);
    return feature;
  }

  async list(filter: FeatureFilter | undefined, page: PageInput | undefined): Promise<Page<Feature>> {
    const first = pageSize(page, this.maxPageSize);
    const rows = await this.repo.list({
      namespace: filter?.namespace ?? null, nameContains: filter?.nameContains ?? null,
      after: decodeCursor(page?.after), limit: first + 1,
    });
    return toPage(rows, first, (f) => [f.namespace, f.name]);
  }

  load(id: string): Promise<Feature | null> {
    return requestLoader<string, Feature | null>('feature.byId', async (ids) =>
      indexBy(ids, await this.repo.byIds(ids), (f) => f.id)).load(id);
  }

  derivedFrom(featureId: string): Promise<Field[]> {
    return requestLoader<string, Field[]>('feature.derivedFrom', async (ids) =>
      groupBy(ids, await this.repo.derivedFrom(ids), (r) => r.featureId).map((rows) => rows.map((r) => r.field))).load(featureId);
  }

  featuresOf(fieldId: string): Promise<Feature[]> {
    return requestLoader<string, Feature[]>('field.features', async (ids) =>
      groupBy(ids, await this.repo.ofFields(ids), (r) => r.fieldId).map((rows) => rows.map((r) => r.feature))).load(fieldId);
  }
}
