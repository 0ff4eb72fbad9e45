import { Random as SeededRandom } from '../../bench/random';

/**
 * A seeded source of randomness and of the odd values a careless or hostile client sends: the fuzz
 * test's cases are a pure function of its seed, so a failure replays with FUZZ_SEED=<seed>.
 */
export class Random {
  // The same mulberry32 the bench and the reference model draw their graphs from.
  private readonly source: SeededRandom;

  constructor(readonly seed: number) {
    this.source = new SeededRandom(seed);
  }

  next(): number {
    return this.source.next();
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

export const ODD_STRINGS = [
  '', ' ', 'fuzz', 'a\u0000b', 'line\nbreak', 'x'.repeat(9000), 'lone\ud800', '\udc00', '😀 ünïcødé', '\u202eevil',
  "'; MATCH (n) DETACH DELETE n //", '{"a":1}', 'null', '-1', '\\', '"', '2026-01-01T00:00:00Z', 'ns/name@1',
];
export const ODD_NUMBERS = [0, 1, -1, 0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e21, 1e308, -1e308, 5e-324];

/** Any JSON value, sometimes large, deep or ill-formed in what it holds. */
export function oddValue(r: Random, depth = 0): unknown {
  switch (depth > 3 ? r.int(4) : r.int(7)) {
    case 0: return r.pick(ODD_STRINGS);
    case 1: return r.pick(ODD_NUMBERS);
    case 2: return r.chance(0.5);
    case 3: return null;
    case 4: return Array.from({ length: r.int(4) }, () => oddValue(r, depth + 1));
    case 5: return Object.fromEntries(Array.from({ length: r.int(4) }, () => [r.pick(ODD_STRINGS).slice(0, 40), oddValue(r, depth + 1)]));
    default: return deep(r.pick([50, 150, 400])); // deeper ones (5,000, 100,000) are test/bad-input.test.ts's: JSON.stringify itself overflows there
  }
}

/** A value nested `depth` levels deep. */
export function deep(depth: number): unknown {
  let v: unknown = {};
  for (let i = 0; i < depth; i++) v = { d: v };
  return v;
}

/** A JSON value with one random change: a key dropped, a value replaced by an odd one, an element doubled. */
export function mutateJson(r: Random, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  const containers: (Record<string, unknown> | unknown[])[] = [];
  const walk = (v: unknown) => {
    if (v && typeof v === 'object') {
      containers.push(v as Record<string, unknown>);
      for (const child of Object.values(v)) walk(child);
    }
  };
  walk(copy);
  for (let n = 1 + r.int(3); n > 0 && containers.length; n--) {
    const target = r.pick(containers);
    const keys = Object.keys(target);
    if (!keys.length) continue;
    const key = r.pick(keys);
    const op = r.int(4);
    if (Array.isArray(target)) {
      if (op === 0) target.splice(Number(key), 1);
      else if (op === 1) target.push(target[Number(key)]);
      else target[Number(key)] = oddValue(r);
    } else if (op === 0) {
      delete target[key];
    } else {
      target[op === 3 ? r.pick(ODD_STRINGS).slice(0, 40) : key] = oddValue(r);
    }
  }
  return copy;
}
