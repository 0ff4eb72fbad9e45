/**
 * What one compilation of a statement is keyed by, besides its text: Neo4j 5 keys its plan cache
 * by the size class of each top-level string and list parameter (0, 1, 2-10, 11-100, 101-1000,
 * ...: `internal.cypher.use_parameter_size`), strings and lists nested in a map aside. An empty
 * string (what a bare `string` once sampled) is a class real calls never send, so the warm-up
 * compiled the plans no request would use: the first OpenLineage event after a restart still
 * planned load-versions (`initialVersion` is 19 characters), ~530 ms of its 720-860 ms.
 * Two variants cover the common classes: ids, URIs and most names (11-100 characters) with a list
 * of one (one entity asked for), then short names, states and versions (2-10) with a list of a page
 * (20 ids, as a page of 20 asks for its children). A filter left out is null, not an empty list
 * (declared `| null`, sampled as null): an empty list would be a class of its own in every
 * combination with the others.
 */
export interface SampleVariant { stringLength: number; listLength: number }
export const SAMPLE_VARIANTS: readonly SampleVariant[] = [{ stringLength: 36, listLength: 1 }, { stringLength: 8, listLength: 20 }];

/**
 * Parameters of the declared types for a statement of cypher/, read from its `// @param name: Type`
 * header lines: what the start-up warm-up (warm-up.ts) runs each statement with, once per variant
 * that gives them different size classes. The values must have the types real calls send: a string
 * of the variant's length for string, 0 for number and Integer (sent as Integer through the
 * statement's integer paths), false, the epoch for Date, the variant's length of a list (one element
 * where nested: its size does not count), and null where null is allowed (an optional filter left
 * out: the common call).
 */
export function sampleParams(statement: string, variant: SampleVariant = SAMPLE_VARIANTS[0]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const m of statement.matchAll(/^\s*\/\/\s*@param\s+(\w+)\s*:\s*(.+?)\s*$/gm)) params[m[1]] = sized(m[2], sampleOf(m[2]), variant);
  return params;
}

/** A top-level value in the variant's size class: only a bare string (a literal type keeps its value) and a list. */
function sized(type: string, value: unknown, variant: SampleVariant): unknown {
  if (type === 'string') return 'x'.repeat(variant.stringLength);
  if (Array.isArray(value)) return Array.from({ length: variant.listLength }, () => value[0]);
  return value;
}

/** A value of a type in the small part of TypeScript that the headers use (see scripts/ts-type.js). */
export function sampleOf(type: string): unknown {
  const tokens = type.match(/\w+|'[^']*'|"[^"]*"|\[\s*\]|[{}()<>|&;:,?]/g) ?? [];
  let i = 0;
  const take = (expected?: string): string => {
    const t = tokens[i++];
    if (t === undefined || (expected !== undefined && t !== expected)) throw new Error(`cannot read the type "${type}"`);
    return t;
  };
  const union = (): unknown => {
    const members = [postfix()];
    while (tokens[i] === '|') { take(); members.push(postfix()); }
    return members.includes(null) ? null : members[0];
  };
  const postfix = (): unknown => {
    let value = primary();
    while (tokens[i]?.startsWith('[')) { take(); value = [value]; }
    return value;
  };
  const primary = (): unknown => {
    const t = take();
    if (t === '(') { const inner = union(); take(')'); return inner; }
    if (t === '{') {
      const object: Record<string, unknown> = {};
      while (tokens[i] !== '}') {
        const name = take();
        if (tokens[i] === '?') take();
        take(':');
        object[name] = union();
        if (tokens[i] === ';' || tokens[i] === ',') take();
      }
      take('}');
      return object;
    }
    if (tokens[i] === '<') { // Record<K, V> and the like: a map
      let depth = 0;
      do { const a = take(); depth += a === '<' ? 1 : a === '>' ? -1 : 0; } while (depth > 0);
      return {};
    }
    return SAMPLES[t] ?? (/^['"]/.test(t) ? t.slice(1, -1) : null);
  };
  const value = union();
  if (i < tokens.length) throw new Error(`cannot read the type "${type}"`);
  return value;
}

const SAMPLES: Record<string, unknown> = { string: '', number: 0, Integer: 0, boolean: false, Date: new Date(0), null: null, unknown: null };
