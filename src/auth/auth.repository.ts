import { Db } from '../db/db';
import * as Q from '../generated/cypher';
import { ApiKey } from './auth.types';
import { Role } from './roles';

type KeyRow = { key: ApiKey };

/** The only code that talks to Neo4j about API keys. */
export class AuthRepository {
  constructor(private readonly db: Db) {}

  async create(p: { hash: string; prefix: string; name: string; role: Role }): Promise<ApiKey> {
    const row = await this.db.write((tx) => tx.one<KeyRow>(Q.authCreateKey, p));
    return row!.key;
  }

  /** Creates the key unless an active admin key exists, under a lock so two callers cannot both create one. */
  async createFirstAdmin(p: { hash: string; prefix: string; name: string }): Promise<ApiKey | undefined> {
    return this.db.write(async (tx) => {
      await tx.run(Q.authLockBootstrap, {});
      const row = await tx.one<{ admins: number }>(Q.authActiveAdmins, {});
      if (row!.admins > 0) return undefined;
      return (await tx.one<KeyRow>(Q.authCreateKey, { ...p, role: Role.ADMIN }))!.key;
    });
  }

  async activeByHash(hash: string): Promise<ApiKey | undefined> {
    return (await this.db.read((tx) => tx.one<KeyRow>(Q.authKeyByHash, { hash })))?.key;
  }

  async list(): Promise<ApiKey[]> {
    return (await this.db.read((tx) => tx.run<KeyRow>(Q.authListKeys, {}))).map((r) => r.key);
  }

  async revoke(id: string): Promise<ApiKey | undefined> {
    return (await this.db.write((tx) => tx.one<KeyRow>(Q.authRevokeKey, { id })))?.key;
  }
}
