import fs from 'node:fs';
import path from 'node:path';
import { useGraph } from './support/graph';

/**
 * Marquez's seed data (13 jobs, 13 datasets, 5 outputs with column lineage), sent as a batch with
 * its time placeholders filled in: every run starts at T, and ends N minutes later.
 */
const TEMPLATE = path.resolve(__dirname, 'fixtures/openlineage/marquez/food_delivery.template.json');
const T = Date.parse('2026-02-01T08:00:00Z');
const events: any[] = JSON.parse(fs.readFileSync(TEMPLATE, 'utf8')
  .replace(/\{\{RUN_START_TIME\}\}/g, new Date(T).toISOString())
  .replace(/\{\{RUN_END_TIME_AFTER_(\d+)_MINUTES\}\}/g, (_m, n) => new Date(T + Number(n) * 60_000).toISOString()));

const outputsWithLineage = events.flatMap((e) => e.outputs ?? []).filter((o: any) => o.facets?.columnLineage);
const declaredColumnEdges = outputsWithLineage.flatMap((o: any) => Object.entries<any>(o.facets.columnLineage.fields)
  .flatMap(([out, entry]) => entry.inputFields.map((i: any) => `${o.name}.${out} <- ${i.name}.${i.field}`))).sort();
// Two entries of the seed data name what does not exist: a dataset no run reads or writes
// (`public.menu_item_id`) and a column `public.restaurants` does not have. They link nothing.
const DANGLING = ['public.delivery_7_days.category_id <- public.menu_item_id.category_id', 'public.delivery_7_days.menu_item_id <- public.restaurants.menu_item_id'];
const expectedColumnEdges = declaredColumnEdges.filter((e: string) => !DANGLING.includes(e));

describe('OpenLineage: the food_delivery seed data', () => {
  const graph = useGraph();
  const cypher = (q: string) => graph.db.runAutoCommit(q);

  beforeEach(async () => {
    const res = await fetch(`${graph.url}/api/v1/lineage/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(events) });
    expect(await res.json()).toMatchObject({ status: 'success', accepted: 26, rejected: 0 });
  }, 180_000); // the first batch of a run also pays for Neo4j planning every statement

  it('yields its 13 jobs, 13 datasets and 13 completed runs', async () => {
    expect(await cypher("MATCH (j:Job {namespace: 'food_delivery'}) RETURN count(j) AS n")).toEqual([{ n: 13 }]);
    expect(await cypher("MATCH (d:Dataset {namespace: 'food_delivery'}) RETURN count(d) AS n")).toEqual([{ n: 13 }]);
    expect(await cypher("MATCH (r:Run)-[:RUN_OF]->(:Job) RETURN r.state AS state, count(r) AS n")).toEqual([{ state: 'COMPLETE', n: 13 }]);
    const { datasets } = await graph.ok('{ datasets(filter: { namespace: "food_delivery" }, page: { first: 50 }) { nodes { name facets } } }');
    expect(datasets.nodes).toHaveLength(13);
    const menus = datasets.nodes.find((d: any) => d.name === 'public.menus');
    expect(Object.keys(menus.facets).sort()).toEqual(['dataSource', 'documentation', 'schema']);
  });

  it('links each job to what it read and wrote, version to version', async () => {
    const rows = await cypher(`MATCH (j:Job)<-[:RUN_OF]-(r:Run)
      OPTIONAL MATCH (r)-[:READ]->(:DatasetVersion)-[:VERSION_OF]->(i:Dataset)
      OPTIONAL MATCH (r)-[:WROTE]->(:DatasetVersion)-[:VERSION_OF]->(o:Dataset)
      RETURN j.name AS job, collect(DISTINCT i.name) AS reads, collect(DISTINCT o.name) AS writes`);
    const byJob = Object.fromEntries(rows.map((r: any) => [r.job, { reads: [...r.reads].sort(), writes: [...r.writes].sort() }]));
    for (const e of events.filter((x) => x.eventType === 'START')) {
      expect(byJob[e.job.name]).toEqual({
        reads: (e.inputs ?? []).map((i: any) => i.name).sort(), writes: (e.outputs ?? []).map((o: any) => o.name).sort(),
      });
    }
    // Every version read is a version some run wrote: the lineage is connected end to end.
    expect(await cypher("MATCH (:Run)-[:READ]->(v:DatasetVersion) WHERE NOT (:Run)-[:WROTE]->(v) RETURN count(v) AS n")).toEqual([{ n: 0 }]);
    // Upstream of the last table: written by a run that read a version written by a run that read ...
    const upstream = await cypher(`MATCH (:Dataset {name: 'public.popular_orders_day_of_week'})<-[:VERSION_OF]-(v:DatasetVersion)
      MATCH (v) (()<-[:WROTE]-(:Run)-[:READ]->()){0,10} (:DatasetVersion)<-[:WROTE]-(:Run)-[:RUN_OF]->(j:Job)
      RETURN collect(DISTINCT j.name) AS jobs`);
    expect(upstream[0].jobs).toEqual(expect.arrayContaining(['orders_popular_day_of_week', 'delivery_times_7_days', 'etl_delivery_7_days', 'etl_orders_7_days', 'etl_orders', 'etl_customers']));
    expect(upstream[0].jobs).not.toContain('email_discounts');
  });

  it('keeps each column lineage edge between the fields of the versions written and read', async () => {
    const rows = await cypher(`MATCH (od:Dataset)<-[:VERSION_OF]-(ov)-[:HAS_FIELD]->(o:Field)-[:DERIVED_FROM]->(i:Field)<-[:HAS_FIELD]-(iv)-[:VERSION_OF]->(id:Dataset)
      WHERE (:Run)-[:WROTE]->(ov) AND (:Run)-[:WROTE]->(iv)
      RETURN od.name + '.' + o.name + ' <- ' + id.name + '.' + i.name AS edge`);
    expect(declaredColumnEdges).toEqual(expect.arrayContaining(DANGLING));
    expect(rows.map((r: any) => r.edge).sort()).toEqual(expectedColumnEdges);
    expect(await cypher('MATCH ()-[r:DERIVED_FROM]->() RETURN count(r) AS n')).toEqual([{ n: expectedColumnEdges.length }]);
    // Multi-hop: a field of the last dataset reaches the raw orders table through two jobs.
    const deep = await cypher(`MATCH (:Dataset {name: 'public.delivery_7_days'})<-[:VERSION_OF]-()-[:HAS_FIELD]->(f:Field {name: 'order_placed_on'})
      MATCH (f)-[:DERIVED_FROM*]->(src:Field)<-[:HAS_FIELD]-()-[:VERSION_OF]->(d:Dataset) RETURN collect(d.name + '.' + src.name) AS sources`);
    expect(deep[0].sources).toEqual(expect.arrayContaining(['public.orders.placed_on']));
  });

  it('exposes the written versions and their schema through GraphQL', async () => {
    const { datasetByName } = await graph.ok(`{ datasetByName(namespace: "food_delivery", name: "public.delivery_7_days") {
      description versions { version createdAt } currentVersion { fields { name position } } } }`);
    expect(datasetByName.versions).toHaveLength(1);
    expect(datasetByName.versions[0].version).toMatch(/^run:/);
    const names = datasetByName.currentVersion.fields.map((f: any) => f.name);
    const schema = events.flatMap((e) => e.outputs ?? []).find((o: any) => o.name === 'public.delivery_7_days').facets.schema.fields.map((f: any) => f.name);
    expect(names).toEqual(schema);
  });
});
