import { decodeCursor, Page, PageInput, pageSize, toPage } from '../common/connection';
import { BadInputError, ConflictError, NotFoundError } from '../common/errors';
import { jsonProperty, optionalText, requireName, requireUnique } from '../common/validate';
import { statedTime } from '../common/world-time';
import { Transactions } from '../db/db';
import { asOfLoader, groupBy, indexBy, requestLoader } from '../db/request-scope';
import { parseFieldProfile } from '../drift/profile';
import { datasetContentHash } from './content-hash';
import { checkRef } from '../graph/node-ref-check';
import { NodeType } from '../graph/node-types';
import { notFound } from '../graph/resolve-refs';
import { DatasetRepository } from './dataset.repository';
import {
  Dataset, DatasetFilter, DatasetRef, DatasetVersion, DatasetVersionRef, Field, RegisterDatasetVersionInput, UpsertDatasetInput,
} from './dataset.types';

/** The rules for datasets, their immutable versions and their fields. */
export class DatasetService {
  constructor(private readonly repo: DatasetRepository, private readonly db: Transactions, private readonly maxPageSize: number) {}

  upsert(input: UpsertDatasetInput): Promise<Dataset> {
    const p = {
      namespace: requireName(input.namespace, 'input.namespace'),
      name: requireName(input.name, 'input.name'),
      description: optionalText(input.description, 'input.description'),
      at: statedTime(input.at, 'input.at'),
    };
    return this.db.write((tx) => this.repo.upsert(tx, p));
  }

  /** Same version, same content: returns the existing one. Same version, other content: CONFLICT. */
  registerVersion(input: RegisterDatasetVersionInput): Promise<DatasetVersion> {
    const namespace = requireName(input.namespace, 'input.namespace');
    const name = requireName(input.name, 'input.name');
    const version = requireName(input.version, 'input.version');
    requireUnique(input.fields, (f) => f.name, 'input.fields');
    const fields = input.fields.map((f, position) => ({
      name: requireName(f.name, `input.fields[${position}].name`),
      type: optionalText(f.type, `input.fields[${position}].type`, 256),
      description: optionalText(f.description, `input.fields[${position}].description`),
      profile: jsonProperty(f.profile == null ? null : parseFieldProfile(f.profile, `input.fields[${position}].profile`), `input.fields[${position}].profile`),
      position,
    }));
    if (input.rowCount != null && input.rowCount < 0) throw new BadInputError('input.rowCount must not be negative.', 'input.rowCount');
    const content = { fields, fingerprint: input.fingerprint ?? null, rowCount: input.rowCount ?? null };
    const contentHash = datasetContentHash(content);
    return this.db.write(async (tx) => {
      const { version: v, created } = await this.repo.registerVersion(tx, {
        namespace, name, version, contentHash, fields, fingerprint: content.fingerprint, rowCount: content.rowCount,
        createdAt: input.createdAt ?? null,
      });
      if (!created && v.contentHash !== contentHash) {
        throw new ConflictError(`DatasetVersion '${namespace}/${name}@${version}' exists with different content; ` +
          'versions are immutable: register a new version.', { field: 'input.version' });
      }
      return v;
    });
  }

  async get(id: string): Promise<Dataset> {
    const dataset = await this.load(id);
    if (!dataset) throw new NotFoundError('Dataset', id);
    return dataset;
  }

  async byName(namespace: string, name: string): Promise<Dataset> {
    const dataset = await this.repo.byKey(namespace, name);
    if (!dataset) throw new NotFoundError('Dataset', `${namespace}/${name}`);
    return dataset;
  }

  async resolve(ref: DatasetRef): Promise<Dataset> {
    const checked = checkRef(NodeType.DATASET, ref, 'dataset');
    return checked.id ? this.get(checked.id) : this.byName(checked.namespace!, checked.name!);
  }

  async list(filter: DatasetFilter | undefined, page: PageInput | undefined): Promise<Page<Dataset>> {
    const first = pageSize(page, this.maxPageSize);
    const rows = await this.repo.list({
      namespace: filter?.namespace ?? null, nameContains: filter?.nameContains ?? null,
      after: decodeCursor(page?.after), limit: first + 1,
    });
    return toPage(rows, first, (d) => [d.namespace, d.name]);
  }

  load(id: string): Promise<Dataset | null> {
    return requestLoader<string, Dataset | null>('dataset.byId', async (ids) =>
      indexBy(ids, await this.repo.byIds(ids), (d) => d.id)).load(id);
  }

  versions(datasetId: string): Promise<DatasetVersion[]> {
    return requestLoader<string, DatasetVersion[]>('dataset.versions', async (ids) =>
      groupBy(ids, await this.repo.versionsOf(ids), (v) => v.datasetId)).load(datasetId);
  }

  currentVersion(datasetId: string, asOf?: Date): Promise<DatasetVersion | null> {
    return asOfLoader<string, DatasetVersion | null>('dataset.current', asOf, async (ids, at) =>
      indexBy(ids, await this.repo.currentVersions(ids, at), (v) => v.datasetId)).load(datasetId);
  }

  async version(ref: DatasetVersionRef): Promise<DatasetVersion> {
    const checked = checkRef(NodeType.DATASET_VERSION, ref, 'version');
    const found = await this.repo.versionByRef(checked);
    if (!found) throw notFound(checked);
    return found;
  }

  loadVersion(id: string): Promise<DatasetVersion | null> {
    return requestLoader<string, DatasetVersion | null>('datasetVersion.byId', async (ids) =>
      indexBy(ids, await this.repo.versionsByIds(ids), (v) => v.id)).load(id);
  }

  fields(versionId: string): Promise<Field[]> {
    return requestLoader<string, Field[]>('datasetVersion.fields', async (ids) =>
      groupBy(ids, await this.repo.fieldsOf(ids), (f) => f.datasetVersionId)).load(versionId);
  }

  loadField(id: string): Promise<Field | null> {
    return requestLoader<string, Field | null>('field.byId', async (ids) =>
      indexBy(ids, await this.repo.fieldsByIds(ids), (f) => f.id)).load(id);
  }
}
