import { BadInputError } from './errors';

/**
 * Input rules shared by every module. Names may hold any printable text (quotes, backticks,
 * braces and Cypher keywords included: values only ever travel as parameters); they must not be
 * empty, too long, or hold control characters.
 */
export const MAX_NAME_LENGTH = 512;
export const MAX_TEXT_LENGTH = 10_000;
export const MAX_JSON_BYTES = 256 * 1024;

export function requireName(value: string | undefined | null, field: string, max = MAX_NAME_LENGTH): string {
  if (value === undefined || value === null || value.trim() === '') throw new BadInputError(`${field} must not be empty.`, field);
  if (value.length > max) throw new BadInputError(`${field} must be at most ${max} characters.`, field);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new BadInputError(`${field} must not contain control characters.`, field);
  return value;
}

export function optionalText(value: string | undefined | null, field: string, max = MAX_TEXT_LENGTH): string | null {
  if (value === undefined || value === null) return null;
  if (value.length > max) throw new BadInputError(`${field} must be at most ${max} characters.`, field);
  return value;
}

export function requireFinite(value: number, field: string, min = -Infinity, max = Infinity): number {
  if (!Number.isFinite(value)) throw new BadInputError(`${field} must be a finite number.`, field);
  if (value < min || value > max) throw new BadInputError(`${field} must be between ${min} and ${max}.`, field);
  return value;
}

/** JSON kept on a node as a string: bounded in size so one facet cannot bloat the graph. */
export function jsonProperty(value: unknown, field: string, maxBytes = MAX_JSON_BYTES): string | null {
  if (value === undefined || value === null) return null;
  const text = JSON.stringify(value);
  if (Buffer.byteLength(text) > maxBytes) throw new BadInputError(`${field} must be at most ${maxBytes} bytes of JSON.`, field);
  return text;
}

export function parseJsonProperty(text: unknown): unknown {
  return typeof text === 'string' ? JSON.parse(text) : null;
}

/** Rejects duplicates in a list by key, naming the field. */
export function requireUnique<T>(items: T[], keyOf: (item: T) => string, field: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const key = keyOf(item);
    if (seen.has(key)) throw new BadInputError(`${field} lists '${key}' twice.`, field);
    seen.add(key);
  }
}
