import neo4j from 'neo4j-driver';
import { IntegerPaths } from './query';

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

/**
 * Params into driver values: Dates go as DateTime (so Cypher can compare them), the numbers at
 * `integers` (the statement's `Integer` params) as Integers, every other number as a float (the
 * driver's default); everything else unchanged.
 */
export function toNeo4j(value: unknown, integers?: IntegerPaths | true, path = '$'): unknown {
  if (integers === true && typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`${path} is declared Integer but is ${value}.`);
    return neo4j.int(value);
  }
  if (value instanceof Date) return neo4j.types.DateTime.fromStandardDate(value);
  const inner = integers === true ? undefined : integers;
  if (Array.isArray(value)) {
    const element = inner?.['[]'];
    return value.map((v, i) => toNeo4j(v, element, element ? `${path}[${i}]` : path));
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toNeo4j(v, inner?.[k], inner?.[k] ? `${path}.${k}` : path);
    return out;
  }
  return value;
}

/**
 * A map kept as a JSON string property (Neo4j has no map properties: facets, profiles, metrics,
 * parameters), back as an object; absent or null → null.
 */
export function jsonObject(text: string | null | undefined): Record<string, unknown> | null {
  return typeof text === 'string' ? JSON.parse(text) : null;
}

/**
 * A string property kept from a TypeScript string enum (a run's state, a training role), back as
 * the enum: a value the enum does not know is a stored-data error, reported rather than passed on.
 */
export function storedEnum<E extends Record<string, string>>(values: E, value: string, what: string): E[keyof E] {
  const known = Object.values(values).find((v) => v === value);
  if (known === undefined) throw new Error(`Stored ${what} '${value}' is not one of ${Object.values(values).join(', ')}.`);
  return known as E[keyof E];
}
