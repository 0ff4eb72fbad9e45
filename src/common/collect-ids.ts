/**
 * Every string `id` in a value (rows a statement returned, a GraphQL response), depth-first, at
 * most `max`: the entities it names.
 */
export function collectIds(data: unknown, max = 1000, out = new Set<string>()): string[] {
  if (out.size >= max || data === null || typeof data !== 'object') return [...out];
  if (Array.isArray(data)) {
    for (const item of data) collectIds(item, max, out);
  } else {
    for (const [k, v] of Object.entries(data)) {
      if (k === 'id' && typeof v === 'string' && out.size < max) out.add(v);
      else collectIds(v, max, out);
    }
  }
  return [...out];
}
