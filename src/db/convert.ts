import neo4j from 'neo4j-driver';

/**
 * Turns driver values into plain JS: Integers into numbers, temporal values into Dates, nodes and
 * relationships into their properties. Rows leave the repositories only in this form.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toNative);
  // Maps and records are plain objects: the common case, told apart without the driver's type
  // checks (each probes a marker property; they were a tenth of a 1,000-row traversal's CPU).
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    for (const k in value) out[k] = toNative((value as Record<string, unknown>)[k]);
    return out;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isDateTime(value) || neo4j.isDate(value) || neo4j.isLocalDateTime(value)) {
    return new Date((value as { toString(): string }).toString());
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toNative((value as { properties: unknown }).properties);
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
