import neo4j from 'neo4j-driver';

/**
 * Turns driver values into plain JS: Integers into numbers, temporal values into Dates, nodes and
 * relationships into their properties. Rows leave the repositories only in this form.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isDateTime(value) || neo4j.isDate(value) || neo4j.isLocalDateTime(value)) {
    return new Date((value as { toString(): string }).toString());
  }
  if (Array.isArray(value)) return value.map(toNative);
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toNative((value as { properties: unknown }).properties);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toNative(v);
    return out;
  }
  return value;
}

/** Dates go to Neo4j as DateTime (so Cypher can compare them); everything else unchanged. */
export function toNeo4j(value: unknown): unknown {
  if (value instanceof Date) return neo4j.types.DateTime.fromStandardDate(value);
  if (Array.isArray(value)) return value.map(toNeo4j);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toNeo4j(v);
    return out;
  }
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  return value;
}
