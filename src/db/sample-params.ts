/**
 * Parameters of the declared types for a statement of cypher/, read from its `// @param name: Type`
 * header lines: what the start-up warm-up (warm-up.ts) runs each statement with. Neo4j caches a
 * compiled statement per text *and parameter types* (a list's element type and its size bucket
 * included: one element is a bucket of its own), so the values must have the types real calls
 * send: '' for string, 0 for number and Integer (sent as Integer through the statement's integer
 * paths), false, the epoch for Date, one element per list, and null where null is allowed (an
 * optional filter left out: the common call).
 */
export function sampleParams(statement: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const m of statement.matchAll(/^\s*\/\/\s*@param\s+(\w+)\s*:\s*(.+?)\s*$/gm)) params[m[1]] = sampleOf(m[2]);
  return params;
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
