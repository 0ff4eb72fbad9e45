import { BadInputError } from './errors';

/**
 * Input rules shared by every module, GraphQL arguments and OpenLineage events alike. Names may
 * hold any printable text (quotes, backticks, braces and Cypher keywords included: values only
 * ever travel as parameters); they must not be empty, too long, or hold control characters.
 * No string may hold a lone surrogate: Neo4j would store it as U+FFFD, silently another value.
 */
/** Names are index keys: Neo4j refuses keys over about 8 KB, so names stop well before that. */
export const MAX_NAME_LENGTH = 512;
export const MAX_TEXT_LENGTH = 10_000;
export const MAX_JSON_BYTES = 256 * 1024;
/** Deeper JSON is refused before anything recurses over it (JSON.stringify overflows its stack near 5,000). */
export const MAX_JSON_DEPTH = 100;

/** Matches a lone surrogate: in `u` mode a well-formed pair is one code point, not a surrogate. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Why `value` is no valid name (a phrase to follow the field's name), or undefined when it is one. */
export function nameProblem(value: string | undefined | null, max = MAX_NAME_LENGTH): string | undefined {
  if (value === undefined || value === null || value.trim() === '') return 'must not be empty';
  if (value.length > max) return `must be at most ${max} characters (names are index keys, and Neo4j limits their size)`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(value)) return 'must be well-formed Unicode (it holds a lone surrogate)';
  return undefined;
}

export function requireName(value: string | undefined | null, field: string, max = MAX_NAME_LENGTH): string {
  const problem = nameProblem(value, max);
  if (problem) throw new BadInputError(`${field} ${problem}.`, field);
  return value as string;
}

/**
 * Why a parsed JSON value is refused, or undefined: nested deeper than `maxDepth`, or a string
 * (or key) with a lone surrogate. Walks with its own stack, so any depth is safe to check.
 */
export function jsonProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): string | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) return 'holds a string with a lone surrogate (not well-formed Unicode)';
    } else if (typeof v === 'object' && v !== null) {
      if (depth >= maxDepth) return `is nested deeper than ${maxDepth} levels`;
      for (const [key, child] of Object.entries(v)) {
        if (LONE_SURROGATE.test(key)) return 'holds a key with a lone surrogate (not well-formed Unicode)';
        stack.push([child, depth + 1]);
      }
    }
  }
  return undefined;
}

export function optionalText(value: string | undefined | null, field: string, max = MAX_TEXT_LENGTH): string | null {
  if (value === undefined || value === null) return null;
  if (value.length > max) throw new BadInputError(`${field} must be at most ${max} characters.`, field);
  if (LONE_SURROGATE.test(value)) throw new BadInputError(`${field} must be well-formed Unicode (it holds a lone surrogate).`, field);
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
  const problem = jsonProblem(value);
  if (problem) throw new BadInputError(`${field} ${problem}.`, field);
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
