import { gql } from '../http';

/**
 * List queries with nested relationship fields, each asked at two page sizes: every relationship
 * field is batched per request (DataLoader), so the statement count (x-cypher-statements) must be
 * the same at both sizes. A count that grows with the rows is an N+1.
 */
const LISTS: { name: string; query: string; rows: [number, number] }[] = [
  {
    name: 'models → versions → training data, features, deployments, ensembles, run',
    rows: [3, 15],
    query: `query($first: Int!) { models(page: {first: $first}) { nodes { name aliases { name modelVersion { version } }
      versions { version aliases producedBy { runId job { name } inputs { version } }
        trainingData { role datasetVersion { version dataset { name } fields { name } } }
        features { importance feature { name derivedFrom { name } } }
        deployments { name environment } ensembles { name } } } } }`,
  },
  {
    name: 'datasets → versions → fields',
    rows: [10, 100],
    query: `query($first: Int!) { datasets(page: {first: $first}) { nodes { namespace name currentVersion { version }
      versions { version rowCount fields { name type } } } } }`,
  },
  {
    name: 'deployments → serving → model version / ensemble members',
    // Deployments list by name, and the generated ensembles' (up to 60) come first: the smaller page
    // must already hold both kinds of target, or the larger one adds a kind, not rows.
    rows: [70, 140],
    query: `query($first: Int!) { deployments(page: {first: $first}) { nodes { name environment retired
      serving { trafficShare target { ... on ModelVersion { version model { name } }
                                      ... on Ensemble { name members { weight modelVersion { version model { name } } } } } } } } }`,
  },
];

export interface StatementCase {
  name: string;
  rows: [number, number];
  /** Rows the first level actually returned at each size. */
  returned: [number, number];
  statements: [number, number];
  constant: boolean;
}

export async function measureStatements(url: string): Promise<StatementCase[]> {
  const out: StatementCase[] = [];
  for (const list of LISTS) {
    const a = await gql(url, list.query, { first: list.rows[0] });
    const b = await gql(url, list.query, { first: list.rows[1] });
    const returned = [a, b].map((r) => (Object.values(r.data)[0] as { nodes: unknown[] }).nodes.length) as [number, number];
    out.push({ name: list.name, rows: list.rows, returned, statements: [a.statements, b.statements], constant: a.statements === b.statements });
  }
  return out;
}
