import { storedEnum } from '../db/convert';
import { Db } from '../db/db';
import { RowOf } from '../db/query';
import * as Q from '../generated/cypher';
import { ApiKey } from './auth.types';
import { Role } from './roles';

/** The only code that talks to Neo4j about API keys. */
export class AuthRepository {
  constructor(private readonly db: Db) {}

  async create(p: { hash: string; prefix: string; name: string; role: Role; expiresAt: Date | null }): Promise<ApiKey> {
    const row = await this.db.write((tx) => tx.one(Q.authCreateKey, p));
    return toApiKey(row!.key);
  }

  /** Creates the key unless an active admin key exists, under a lock so two callers cannot both create one. */
  async createFirstAdmin(p: { hash: string; prefix: string; name: string; expiresAt: Date | null }): Promise<ApiKey | undefined> {
    return this.db.write(async (tx) => {
      await tx.run(Q.authLockBootstrap, {});
      const row = await tx.one(Q.authActiveAdmins, {});
      if (row!.admins > 0) return undefined;
      return toApiKey((await tx.one(Q.authCreateKey, { ...p, role: Role.ADMIN }))!.key);
    });
  }

  async activeByHash(hash: string): Promise<ApiKey | undefined> {
    const row = await this.db.readOne((tx) => tx.one(Q.authKeyByHash, { hash }));
    return row && toApiKey(row.key);
  }

  async list(filter: { unusedSince: Date | null; expired: boolean | null }): Promise<ApiKey[]> {
    return (await this.db.readOne((tx) => tx.run(Q.authListKeys, filter))).map((r) => toApiKey(r.key));
  }

  /** Sets the key's lastUsedAt to now. */
  async touch(id: string): Promise<void> {
    await this.db.write((tx) => tx.run(Q.authTouchKey, { id }));
  }

  async revoke(id: string): Promise<ApiKey | undefined> {
    const row = await this.db.write((tx) => tx.one(Q.authRevokeKey, { id }));
    return row && toApiKey(row.key);
  }
}

function toApiKey(k: RowOf<typeof Q.authListKeys>['key']): ApiKey {
  return { ...k, role: storedEnum(Role, k.role, 'API key role') };
}
