import { Transactions } from '../db/db';
import { ParamsOf } from '../db/query';
import * as Q from '../generated/cypher';

export type VersionProperties = ParamsOf<typeof Q.mlflowSetVersionProperties>['versions'][number];

/** The only code that talks to Neo4j about what MLflow adds to the graph's own nodes. */
export class MlflowRepository {
  constructor(private readonly db: Transactions) {}

  async knownVersions(model: string): Promise<Map<string, { lastUpdated: number | null; deleted: boolean }>> {
    const rows = await this.db.read((tx) => tx.run(Q.mlflowKnownVersions, { model }));
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
    return (await this.db.read((tx) => tx.run(Q.mlflowSyncedModels, { trackingUri }))).map((r) => r.model);
  }

  /** The graph dataset (and its version current at `at`) that the first matching candidate names. */
  async matchDataset(candidates: { namespace: string; name: string }[], at: Date): Promise<{ namespace: string; name: string; version: string | null } | null> {
    if (!candidates.length) return null;
    return (await this.db.read((tx) => tx.one(Q.mlflowMatchDatasets, { candidates, at }))) ?? null;
  }
}
