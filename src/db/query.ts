/**
 * A named Cypher statement from cypher/, with the parameters it takes (P) and the rows it returns
 * (R) in its type. Instances are generated into src/generated/cypher.ts by scripts/gen-cypher.js
 * (pgtyped-style): the .cypher files stay the single source of truth, the compiler checks every
 * call's params, and `tx.run(q, params)` returns `R[]` with no cast at the call site.
 */
export interface Query<P, R = Row> {
  /** Path under cypher/ without the extension, e.g. "dataset/upsert". */
  readonly name: string;
  /** What is sent: the statement without its whole-line `//` comments (see withoutCommentLines). */
  readonly text: string;
  /** The file as written, its header (`// @param`, `// @returns`) included. */
  readonly source: string;
  /** Where in the params the `Integer`s are (see IntegerPaths); absent: none. */
  readonly integers?: IntegerPaths;
  /** Phantom fields: carry P and R for the type checker only. */
  readonly __params?: P;
  readonly __row?: R;
}

export type Row = Record<string, unknown>;

/**
 * A number sent to Neo4j as an integer (a `// @param limit: Integer` line). JavaScript has one
 * number type, and the driver sends it as a float; a parameter compared with stored integers, used
 * in LIMIT, SKIP or range(), or stored where integers are kept (counts, positions, timestamps)
 * must be declared Integer. Every other number goes as a float.
 */
export type Integer = number;

/**
 * The integer parameters of a statement as a tree over the params: a key per map field, `[]` for
 * the elements of a list, `true` at an Integer. `fields[].position` is `{ fields: { '[]': { position: true } } }`.
 */
export interface IntegerPaths { readonly [key: string]: IntegerPaths | true }

/** `integers` as the generator writes them: paths like `limit`, `fields[].position`, `buckets[].points[]`. */
export function query<P, R = Row>(name: string, source: string, integers: readonly string[] = []): Query<P, R> {
  const text = withoutCommentLines(source);
  return integers.length ? { name, text, source, integers: integerPaths(integers) } : { name, text, source };
}

/**
 * The statement without the lines that are only a comment. The headers document the files and type
 * the calls; sent, they made most statements longer than the driver's 1,400-byte write buffer: every
 * call went out in two socket writes, and Neo4j hashed the comments into its query-cache key. (The
 * generator checks that no such line sits inside a string literal.)
 */
export function withoutCommentLines(source: string): string {
  return source.split('\n').filter((line) => !line.trimStart().startsWith('//')).join('\n');
}

export function integerPaths(paths: readonly string[]): IntegerPaths {
  const root: Record<string, unknown> = {};
  for (const path of paths) {
    const steps = path.split('.').flatMap((s) => {
      const [key, ...lists] = s.split('[]');
      return [...(key ? [key] : []), ...lists.map(() => '[]')];
    });
    let node = root;
    steps.forEach((step, i) => {
      if (i === steps.length - 1) node[step] = true;
      else node = (node[step] ??= {}) as Record<string, unknown>;
    });
  }
  return root as IntegerPaths;
}

/** The parameter type of a generated query: `ParamsOf<typeof Q.datasetUpsert>`. */
export type ParamsOf<T> = T extends Query<infer P, unknown> ? P : never;

/** The row type of a generated query: `RowOf<typeof Q.datasetUpsert>`. */
export type RowOf<T> = T extends Query<unknown, infer R> ? R : never;
