/**
 * The relationship types of the graph (docs/graph-model.md) and how lineage traversals follow
 * each one. Three places state the traversal rules and must agree with this table, which
 * test/graph-model.unit.test.ts checks: the Java procedures (LineageRules.KINDS), and the pure-Cypher
 * fallback (cypher/lineage/downstream.cypher and upstream.cypher).
 */
export enum Flow {
  /** From the source to what it yields (WROTE, HAS_FIELD): followed along its direction downstream. */
  YIELDS = 'YIELDS',
  /** From the derived thing to what it was made from: followed against its direction downstream. */
  MADE_FROM = 'MADE_FROM',
  /**
   * From the server to the served, valid over [from, to): like MADE_FROM, while it holds. (Every
   * followed relationship is checked against from/to and the record times: docs/graph-model.md, "Time".)
   */
  SERVING = 'SERVING',
  /**
   * From a version to its dataset or model. A dataset or model as an origin to its versions (both
   * directions); downstream a dataset version (not an origin) to its dataset; upstream a dataset
   * version to its dataset. (RUN_OF, MADE_FROM, also leads upstream from a job origin to its runs.)
   */
  VERSION_OF = 'VERSION_OF',
}

/** Every relationship type; null where lineage does not follow it. */
export const RELATIONSHIP_FLOW: Readonly<Record<string, Flow | null>> = {
  VERSION_OF: Flow.VERSION_OF,
  HAS_FIELD: Flow.YIELDS,
  WROTE: Flow.YIELDS,
  DERIVED_FROM: Flow.MADE_FROM,
  RUN_OF: Flow.MADE_FROM,
  READ: Flow.MADE_FROM,
  PRODUCED_BY: Flow.MADE_FROM,
  TRAINED_ON: Flow.MADE_FROM,
  USES_FEATURE: Flow.MADE_FROM,
  MEMBER: Flow.SERVING,
  SERVES: Flow.SERVING,
  // Not lineage: a run's parent, a model's aliases, supersession, what a metric series measures,
  // a job's declared (static, OpenLineage JobEvent) inputs and outputs: runs carry the lineage.
  CHILD_OF: null,
  DECLARES_INPUT: null,
  DECLARES_OUTPUT: null,
  ALIAS: null,
  SUPERSEDED_BY: null,
  MEASURES: null,
};

/** The relationship types lineage follows with `flow`, sorted. */
export function typesWithFlow(flow: Flow): string[] {
  return Object.keys(RELATIONSHIP_FLOW).filter((t) => RELATIONSHIP_FLOW[t] === flow).sort();
}
