import { decodeCursor, Page, PageInput, pageSize, toPage } from '../common/connection';
import { NotFoundError } from '../common/errors';
import { optionalText, requireName } from '../common/validate';
import { statedTime } from '../common/world-time';
import { Transactions } from '../db/db';
import { groupBy, indexBy, requestLoader } from '../db/request-scope';
import { ModelRepository } from './model.repository';
import { Model, ModelFilter, ModelVersion, UpsertModelInput } from './model.types';

/** The rules for models (the names versions are registered under). */
export class ModelService {
  constructor(private readonly repo: ModelRepository, private readonly db: Transactions, private readonly maxPageSize: number) {}

  upsert(input: UpsertModelInput): Promise<Model> {
    const p = {
      name: requireName(input.name, 'input.name'), description: optionalText(input.description, 'input.description'),
      at: statedTime(input.at, 'input.at'),
    };
    return this.db.write((tx) => this.repo.upsert(tx, p));
  }

  async get(id: string): Promise<Model> {
    const model = await this.load(id);
    if (!model) throw new NotFoundError('Model', id);
    return model;
  }

  async byName(name: string): Promise<Model> {
    const model = await this.repo.byKey(name);
    if (!model) throw new NotFoundError('Model', name);
    return model;
  }

  async list(filter: ModelFilter | undefined, page: PageInput | undefined): Promise<Page<Model>> {
    const first = pageSize(page, this.maxPageSize);
    const rows = await this.repo.list({ nameContains: filter?.nameContains ?? null, after: decodeCursor(page?.after), limit: first + 1 });
    return toPage(rows, first, (m) => [m.name]);
  }

  load(id: string): Promise<Model | null> {
    return requestLoader<string, Model | null>('model.byId', async (ids) =>
      indexBy(ids, await this.repo.byIds(ids), (m) => m.id)).load(id);
  }

  versions(modelId: string): Promise<ModelVersion[]> {
    return requestLoader<string, ModelVersion[]>('model.versions', async (ids) =>
      groupBy(ids, await this.repo.versionsOf(ids), (v) => v.modelId)).load(modelId);
  }
}
