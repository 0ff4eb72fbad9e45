import { Transactions } from '../db/db';
import { ParamsOf } from '../db/query';
import * as Q from '../generated/cypher';
import { ModelVersionSource } from './mlflow.types';

export type VersionProperties = ParamsOf<typeof Q.mlflowSetVersionProperties>['versions'][number];

/** The only code that talks to Neo4j about what MLflow adds to the graph's own nodes. */
export class MlflowRepository {
  constructor(private readonly db: Transactions) {}

  async knownVersions(model: string): Promise<Map<string, { lastUpdated: number | null; deleted: boolean }>> {
    const rows = await this.db.readOne((tx) => tx.run(Q.mlflowKnownVersions, { model }));
    return new Map(rows.map((r) => [r.version, { lastUpdated: r.mlflowLastUpdated, deleted: r.mlflowDeleted }]));
  }

  async setVersionProperties(versions: VersionProperties[]): Promise<number> {
    if (!versions.length) return 0;
    return (await this.db.write((tx) => tx.one(Q.mlflowSetVersionProperties, { versions })))?.changed ?? 0;
  }

  async markDeleted(model: string, trackingUri: string, present: string[]): Promise<number> {
    return (await this.db.write((tx) => tx.one(Q.mlflowMarkDeleted, { model, trackingUri, present })))?.marked ?? 0;
  }

  async syncedModels(trackingUri: string): Promise<string[]> {
    return (await this.db.readOne((tx) => tx.run(Q.mlflowSyncedModels, { trackingUri }))).map((r) => r.model);
  }

  /** The graph dataset (and its version current at `at`) that the first matching candidate names. */
  async matchDataset(candidates: { namespace: string; name: string }[], at: Date): Promise<{ namespace: string; name: string; version: string | null } | null> {
    if (!candidates.length) return null;
    return (await this.db.readOne((tx) => tx.one(Q.mlflowMatchDatasets, { candidates, at }))) ?? null;
  }

  /** The field names of a dataset version: the logged columns the graph knows. */
  async versionFields(dataset: { namespace: string; name: string; version: string }): Promise<Set<string>> {
    return new Set((await this.db.readOne((tx) => tx.run(Q.mlflowVersionFields, dataset))).map((r) => r.field));
  }

  /** What MLflow says of these synced model versions (versions registered otherwise have no row). */
  async versionSources(ids: readonly string[]): Promise<(ModelVersionSource & { id: string })[]> {
    const rows = await this.db.readOne((tx) => tx.run(Q.mlflowVersionSources, { ids: [...ids] }));
    return rows.map((r) => ({ ...r, system: 'mlflow', tags: r.tags ? JSON.parse(r.tags) as Record<string, string> : {} }));
  }
}
