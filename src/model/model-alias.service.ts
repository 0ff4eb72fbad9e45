import { BadInputError, NotFoundError } from '../common/errors';
import { optionalText, requireName } from '../common/validate';
import { Transactions } from '../db/db';
import { changeTime } from '../common/world-time';
import { groupBy, requestLoader } from '../db/request-scope';
import { checkRef } from '../graph/node-ref-check';
import { NodeType } from '../graph/node-types';
import { notFound } from '../graph/resolve-refs';
import { ModelRepository } from './model.repository';
import { Model, ModelAlias } from './model.types';
import { ModelVersionRepository } from './model-version.repository';

interface When { reason?: string | null; at?: Date | null }

/** Alias names are short identifiers ("champion", "prod-eu", "v2.canary"), usable in URLs and configs. */
const ALIAS_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

function requireAliasName(value: string, field: string): string {
  if (!ALIAS_NAME.test(value)) throw new BadInputError(`${field} must match ${ALIAS_NAME.source}.`, field);
  return value;
}

/**
 * Aliases: named pointers from a model to one version at a time. Moving one closes the old
 * assignment (to = at, default now) and opens a new one, so every past state stays queryable; a
 * change comes after the alias's latest one (append-only, as ensemble membership).
 */
export class ModelAliasService {
  constructor(private readonly models: ModelRepository, private readonly versions: ModelVersionRepository, private readonly db: Transactions) {}

  /** Pointing the alias at the version it already points to is a no-op returning the open assignment. */
  setAlias(model: string, alias: string, version: string, when: When = {}): Promise<ModelAlias> {
    const p = {
      model: requireName(model, 'model'), alias: requireAliasName(alias, 'alias'),
      version: requireName(version, 'version'), reason: optionalText(when.reason, 'reason'),
    };
    return this.db.write(async (tx) => {
      const m = await this.models.byKey(p.model, tx);
      if (!m) throw new NotFoundError('Model', p.model);
      const ref = checkRef(NodeType.MODEL_VERSION, { model: p.model, version: p.version }, 'version');
      const mv = await this.versions.byRef(ref, tx);
      if (!mv) throw notFound(ref);
      const current = await this.models.aliasForUpdate(tx, { modelId: m.id, alias: p.alias });
      // Pointing where it points already writes nothing, so there is no time to check.
      const at = current.currentVersionId === mv.id ? new Date() : changeTime(when.at, current.lastChange, 'at');
      return this.models.setAlias(tx, { modelId: m.id, versionId: mv.id, alias: p.alias, reason: p.reason, at });
    });
  }

  /** Ends the alias at `at` (default now); removing an alias that is not set is a no-op (retries are safe). */
  removeAlias(model: string, alias: string, at?: Date | null): Promise<Model> {
    const name = requireName(model, 'model');
    const aliasName = requireAliasName(alias, 'alias');
    return this.db.write(async (tx) => {
      const m = await this.models.byKey(name, tx);
      if (!m) throw new NotFoundError('Model', name);
      const current = await this.models.aliasForUpdate(tx, { modelId: m.id, alias: aliasName });
      if (current.currentVersionId === null) return m;
      return this.models.removeAlias(tx, { modelId: m.id, alias: aliasName, at: changeTime(at, current.lastChange, 'at') });
    });
  }

  current(modelId: string): Promise<ModelAlias[]> {
    return requestLoader<string, ModelAlias[]>('model.aliases', async (ids) =>
      groupBy(ids, await this.models.currentAliases(ids), (r) => r.modelId).map((rows) => rows.map((r) => r.alias))).load(modelId);
  }

  /** One loader per alias name asked for, so a list of models with the same argument is one query. */
  history(modelId: string, name: string | null): Promise<ModelAlias[]> {
    return requestLoader<string, ModelAlias[]>(`model.aliasHistory:${JSON.stringify(name)}`, async (ids) =>
      groupBy(ids, await this.models.aliasHistory(ids, name), (r) => r.modelId).map((rows) => rows.map((r) => r.alias))).load(modelId);
  }

  /** The names of the aliases pointing at a version now. */
  namesOf(versionId: string): Promise<string[]> {
    return requestLoader<string, string[]>('modelVersion.aliases', async (ids) =>
      groupBy(ids, await this.versions.aliasesOf(ids), (r) => r.versionId).map((rows) => rows.map((r) => r.name))).load(versionId);
  }
}
