/**
 * A named Cypher statement from cypher/, with the parameters it takes in its type.
 * Instances are generated into src/generated/cypher.ts by scripts/gen-cypher.ts (pgtyped-style):
 * the .cypher files stay the single source of truth, and the compiler checks every call's params.
 */
export interface Query<P> {
  /** Path under cypher/ without the extension, e.g. "dataset/upsert". */
  readonly name: string;
  readonly text: string;
  /** Phantom field: carries P for the type checker only. */
  readonly __params?: P;
}

export function query<P>(name: string, text: string): Query<P> {
  return { name, text };
}

/** The parameter type of a generated query: `ParamsOf<typeof Q.datasetUpsert>`. */
export type ParamsOf<T> = T extends Query<infer P> ? P : never;
