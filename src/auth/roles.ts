import { registerEnumType } from 'type-graphql';

/** What a key may do; each role includes the ones before it. */
export enum Role {
  /** Queries. */
  READER = 'reader',
  /** + mutations, OpenLineage ingestion, metrics and outcomes. */
  WRITER = 'writer',
  /** + API keys, the audit trail, rules and deletions. */
  ADMIN = 'admin',
}
registerEnumType(Role, { name: 'Role', description: 'reader: queries; writer: + mutations and ingestion; admin: + keys, audit, rules, deletions.' });

const RANK: Record<Role, number> = { [Role.READER]: 1, [Role.WRITER]: 2, [Role.ADMIN]: 3 };

export function roleAllows(has: Role, needs: Role): boolean {
  return RANK[has] >= RANK[needs];
}

export function higherRole(a: Role, b: Role): Role {
  return RANK[a] >= RANK[b] ? a : b;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && value in RANK;
}

/** Who is calling: a key, or `anonymous` (every right) when auth is off. */
export interface Principal {
  keyId: string;
  name: string;
  role: Role;
}

export const ANONYMOUS: Principal = { keyId: 'anonymous', name: 'anonymous', role: Role.ADMIN };
