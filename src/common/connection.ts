import { ClassType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { BadInputError } from './errors';
import { jsonProblem } from './validate';

/**
 * Cursor pagination (Relay-style `first`/`after`), keyset-based: a cursor is the opaque encoding
 * of the row's sort key, so pages stay stable under concurrent inserts and cost the same at any
 * depth. Repositories ask for `first + 1` rows to learn whether there is a next page.
 */
@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@InputType()
export class PageInput {
  @Field(() => Int, { nullable: true, description: 'How many rows (default 50, at most MODELGRAPH_MAX_PAGE_SIZE).' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string;
}

export interface Page<T> { nodes: T[]; pageInfo: PageInfo }

/** Builds the GraphQL connection type for an item type: `Connection(Dataset)` → DatasetConnection. */
export function Connection<T extends object>(item: ClassType<T>) {
  @ObjectType() // abstract: only its concrete subclasses reach the schema
  abstract class ConnectionType {
    @Field(() => [item]) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }
  return ConnectionType;
}

export const DEFAULT_PAGE_SIZE = 50;

export function encodeCursor(sortKey: unknown[]): string {
  return Buffer.from(JSON.stringify(sortKey)).toString('base64url');
}

/** Sort keys are a few scalars: a cursor decoding to anything else was not issued here. */
const MAX_CURSOR_PARTS = 8;
const isCursorPart = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/**
 * The sort key of a cursor this service issued. A tampered one (not base64url JSON, not a short
 * array of scalars, a lone surrogate) is BAD_USER_INPUT, never a value handed to Cypher, where a
 * map or list compared with a name would silently give an empty page or fail in Neo4j.
 */
export function decodeCursor(cursor: string | undefined | null): unknown[] | null {
  if (!cursor) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch { /* refused below */ }
  if (Array.isArray(value) && value.length > 0 && value.length <= MAX_CURSOR_PARTS && value.every(isCursorPart) && !jsonProblem(value)) return value;
  throw new BadInputError('The cursor is not one this service issued.', 'page.after');
}

/** Validates `first` against the configured maximum. */
export function pageSize(page: PageInput | undefined, max: number): number {
  const first = page?.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new BadInputError(`page.first must be between 1 and ${max}.`, 'page.first');
  }
  return first;
}

/** Cuts the extra row a repository fetched and builds the page; `sortKey` gives a row's cursor key. */
export function toPage<T>(rows: T[], first: number, sortKey: (row: T) => unknown[]): Page<T> {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(sortKey(last)) : null } };
}
