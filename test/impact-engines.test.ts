import { generateGraph } from '../bench/generate';
import { Scale } from '../bench/scales';
import { query } from '../src/db/query';
import { NodeType } from '../src/graph/node-types';
import { ImpactArgs, ImpactService } from '../src/lineage/impact.service';
import { ImpactResult } from '../src/lineage/impact.types';
import { LineageRepository } from '../src/lineage/lineage.repository';
import { NodeRef } from '../src/lineage/lineage.types';
import { DEFAULT_TRAVERSAL_LIMITS } from '../src/lineage/traversal-limits';
import { loadFixture } from './fixtures/load';
import { useGraph } from './support/graph';

/**
 * With the traversal procedures, impact is answered in the store (modelgraph.impact,
 * neo4j/src/main/java/dev/modelgraph/ImpactProcedure.java: paths, items, order, paging, summary);
 * without them, in memory from the downstream rows (src/lineage/impact-in-memory.ts, the
 * specification, and the pure-Cypher engine's answer). Compared here from every node of the
 * hand-built graphs and a sample of a generated one, with every argument that changes the answer,
 * walking every page, with and without a cut traversal (see compare()).
 */
const TINY: Scale = {
  name: 'tiny', layers: [3, 4, 3, 2, 2], versionsPerDataset: 3, fieldsPerVersion: [3, 5], features: 12, models: 3, versionsPerModel: 4,
  ensembles: 2, heapMb: 0, pageCacheMb: 0, reps: 0, warmup: 0, olRuns: 0, metricPoints: 0, batch: 1000,
};

type Case = Omit<ImpactArgs, 'of'>;

describe('impact engines: the store and the in-memory specification give the same answer', () => {
  const graph = useGraph();
  const services = (maxNodes = DEFAULT_TRAVERSAL_LIMITS.maxNodes) => {
    // A generous time budget: what is compared here is the answer, on a machine that may be busy.
    const limits = { ...DEFAULT_TRAVERSAL_LIMITS, maxNodes, timeoutMs: 120_000 };
    return {
      cypher: new ImpactService(new LineageRepository(graph.db, 'cypher'), graph.db, limits, 500),
      store: new ImpactService(new LineageRepository(graph.db, 'procedures'), graph.db, limits, 500),
    };
  };

  /** Every page of one question, following endCursor. */
  async function pages(ask: (args: ImpactArgs) => Promise<ImpactResult>, args: ImpactArgs): Promise<ImpactResult[]> {
    const out = [await ask(args)];
    while (out[out.length - 1].items.pageInfo.hasNextPage) {
      out.push(await ask({ ...args, page: { ...args.page, after: out[out.length - 1].items.pageInfo.endCursor! } }));
    }
    return out;
  }

  /**
   * Compares the answers for every origin and case; returns how many items were compared. The
   * store's answer must equal, exactly, the in-memory answer to the same walk (the procedure's rows).
   * The pure-Cypher engine reaches the same nodes, but lists a node's edges and a level's nodes in
   * another order: paths of one length may come in another order (and a capped list keep others),
   * and a reached deployment's `via` too. So against it: the same answer with each item's paths and
   * each deployment's via sorted, where no path list is capped and the traversal is not cut.
   */
  async function compare(origins: NodeRef[], cases: Case[], maxNodes?: number): Promise<number> {
    const { cypher, store } = services(maxNodes);
    let items = 0;
    for (const of of origins) {
      for (const c of cases) {
        const args = { of, ...c };
        const actual = await pages((a) => store.impact(a), args);
        expect({ args, answer: actual }).toEqual({ args, answer: await pages((a) => store.impactInMemory(a), args) });
        if (!actual[0].truncated && !actual.some((p) => p.items.nodes.some((i) => i.truncated))) {
          expect({ args, answer: unordered(actual) }).toEqual({ args, answer: unordered(await pages((a) => cypher.impact(a), args)) });
        }
        items += actual.reduce((n, p) => n + p.items.nodes.length, 0);
      }
    }
    return items;
  }

  const sortedJson = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
  const unordered = (answers: ImpactResult[]) => answers.map((a) => ({
    ...a,
    items: { ...a.items, nodes: a.items.nodes.map((i) => ({ ...i, paths: sortedJson(i.paths) })) },
    summary: { ...a.summary, servedDeployments: a.summary.servedDeployments.map((d) => ({ ...d, via: [...d.via].sort() })) },
  }));

  const refs = async (where = 'true'): Promise<NodeRef[]> => (await graph.db.read((tx) => tx.run(
    query<Record<string, never>, { label: string; id: string }>('test/impact-origins',
      `MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:Deployment AND ${where} RETURN labels(n)[0] AS label, n.id AS id ORDER BY id`), {})))
    .map(({ label, id }) => ({ type: label.replace(/(.)([A-Z])/g, '$1_$2').toUpperCase() as NodeType, id }));

  const CASES: Case[] = [
    {}, { servedOnly: true }, { types: [NodeType.MODEL_VERSION, NodeType.DEPLOYMENT, NodeType.ENSEMBLE] }, { maxPaths: 1 }, { depth: 2 },
    { page: { first: 2 } }, { servedOnly: true, types: [NodeType.DEPLOYMENT], page: { first: 1 } }, { maxPaths: 2, page: { first: 3 } },
  ];

  it('from every node of the hand-built graph (ensembles, column lineage), now and at earlier times', async () => {
    await loadFixture(graph.db, 'impact-graph');
    const origins = await refs();
    const earlier = [{ asOf: new Date('2026-01-02T06:00:00Z') }, { asOf: new Date('2026-02-15T00:00:00Z'), page: { first: 2 } }];
    expect(await compare(origins, [...CASES, ...earlier])).toBeGreaterThan(origins.length * 20);
    expect(await compare(origins, [{}, { page: { first: 2 } }, { maxPaths: 1 }], 3)).toBeGreaterThan(origins.length);
  }, 600_000);

  it('with asOf and knownAt, and a field reference without version (every version an origin)', async () => {
    await loadFixture(graph.db, 'lake-events');
    const origins = [...await refs(), { type: NodeType.FIELD, namespace: 'lake', name: 'events', field: 'amount' }];
    const at = (s: string) => new Date(`2026-${s}T00:00:00Z`);
    const cases: Case[] = [
      {}, { knownAt: at('03-03') }, { knownAt: at('03-12'), servedOnly: true }, { asOf: at('02-01'), knownAt: at('03-12') },
      { asOf: at('02-01'), depth: 2, page: { first: 1 } }, { knownAt: at('01-01') }, { maxPaths: 1, page: { first: 2 } },
    ];
    expect(await compare(origins, cases)).toBeGreaterThan(origins.length * 5);
    expect(await compare(origins, [{}, { servedOnly: true }], 2)).toBeGreaterThan(0);
  }, 600_000);

  it('on a generated lineage graph, with and without truncation', async () => {
    await generateGraph(graph.db.driver, TINY, () => undefined);
    const origins = (await refs()).filter((_, i) => i % 7 === 0);
    expect(origins.length).toBeGreaterThan(20);
    expect(await compare(origins, [{}, { servedOnly: true, page: { first: 5 } }, { maxPaths: 2, types: [NodeType.FIELD, NodeType.MODEL_VERSION], page: { first: 7 } }]))
      .toBeGreaterThan(500);
    expect(await compare(origins, [{ page: { first: 10 } }, { servedOnly: true }], 40)).toBeGreaterThan(100);
  }, 600_000);

  it('names a missing origin the same way (NOT_FOUND), and refuses a cursor that is not an impact key', async () => {
    await loadFixture(graph.db, 'impact-graph');
    const { cypher, store } = services();
    for (const of of [{ type: NodeType.DATASET, namespace: 'no', name: 'such' }, { type: NodeType.FIELD, namespace: 'warehouse', name: 'orders', field: 'nope' }]) {
      const errors = await Promise.all([cypher, store].map((s) => s.impact({ of }).then(() => null, (e: Error) => e)));
      expect(errors[0]).toMatchObject({ message: expect.stringContaining('not found'), extensions: { code: 'NOT_FOUND' } });
      expect(errors[1]).toEqual(errors[0]);
    }
    const after = Buffer.from(JSON.stringify(['1', 'x'])).toString('base64url');
    for (const s of [cypher, store]) {
      await expect(s.impact({ of: (await refs())[0], page: { after } })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    }
  });

  /** The store resolves references in the procedure (ImpactOrigins.java): the same origins as resolve-refs, for every form of reference. */
  async function resolvesAsResolveRefs(): Promise<void> {
    type KeyRow = { type: string; namespace: string | null; name: string | null; version: string | null; field: string | null; model: string | null };
    const keyed = (await graph.db.read((tx) => tx.run(query<Record<string, never>, KeyRow>('test/impact-keyed-origins', `
      MATCH (n:Dataset|Feature|Job) RETURN labels(n)[0] AS type, n.namespace AS namespace, n.name AS name, null AS version, null AS field, null AS model
      UNION ALL MATCH (d:Dataset)<-[:VERSION_OF]-(n:DatasetVersion) RETURN 'DatasetVersion' AS type, d.namespace AS namespace, d.name AS name, n.version AS version, null AS field, null AS model
      UNION ALL MATCH (d:Dataset)<-[:VERSION_OF]-(v:DatasetVersion)-[:HAS_FIELD]->(n:Field)
        RETURN 'Field' AS type, d.namespace AS namespace, d.name AS name, v.version AS version, n.name AS field, null AS model
      UNION ALL MATCH (d:Dataset)<-[:VERSION_OF]-(:DatasetVersion)-[:HAS_FIELD]->(n:Field)
        RETURN DISTINCT 'Field' AS type, d.namespace AS namespace, d.name AS name, null AS version, n.name AS field, null AS model
      UNION ALL MATCH (n:Model|Ensemble) RETURN labels(n)[0] AS type, null AS namespace, n.name AS name, null AS version, null AS field, null AS model
      UNION ALL MATCH (m:Model)<-[:VERSION_OF]-(n:ModelVersion) RETURN 'ModelVersion' AS type, null AS namespace, null AS name, n.version AS version, null AS field, m.name AS model`), {})))
      .map(({ type, ...key }): NodeRef => ({
        type: type.replace(/(.)([A-Z])/g, '$1_$2').toUpperCase() as NodeType,
        ...Object.fromEntries(Object.entries(key).filter((e): e is [string, string] => e[1] !== null)),
      }));
    expect(new Set(keyed.map((r) => r.type)).size).toBeGreaterThan(4);
    const missing: NodeRef[] = [
      { type: NodeType.DATASET_VERSION, namespace: 'lake', name: 'events', version: 'nope' }, { type: NodeType.MODEL_VERSION, model: 'nope', version: '1' },
      { type: NodeType.FIELD, namespace: 'lake', name: 'nope', field: 'amount' }, { type: NodeType.RUN, id: 'nope' },
    ];
    const { cypher, store } = services();
    const at = (s: string) => new Date(`2026-${s}T00:00:00Z`);
    let resolved = 0;
    for (const of of [...keyed, ...await refs(), ...missing]) {
      for (const when of [{}, { asOf: at('02-01'), knownAt: at('03-12') }, { knownAt: at('01-01') }]) {
        const args = { of, depth: 1, page: { first: 1 }, ...when };
        const [actual, expected] = await Promise.all([store, cypher].map((s) => s.impact(args).then((a) => a.origins, (e: Error) => e.message)));
        expect({ args, actual }).toEqual({ args, actual: expected });
        if (Array.isArray(actual)) resolved += actual.length;
      }
    }
    expect(resolved).toBeGreaterThan(keyed.length * 2);
  }

  it('resolves every form of reference as resolve-refs does: the hand-built graph', async () => {
    await loadFixture(graph.db, 'impact-graph');
    await resolvesAsResolveRefs();
  }, 600_000);

  it('resolves every form of reference as resolve-refs does: versions and fields over time', async () => {
    await loadFixture(graph.db, 'lake-events');
    await resolvesAsResolveRefs();
  }, 600_000);
});
