import fs from 'node:fs';
import path from 'node:path';
import { checkRef } from '../src/graph/node-ref-check';
import { displayLabel, NODE_TYPES, NodeType, nodeTypeOfLabel, OTHER_LABELS } from '../src/graph/node-types';
import { Flow, RELATIONSHIP_FLOW, typesWithFlow } from '../src/graph/relationships';

/**
 * src/graph is the one definition of the graph model; the places that restate it are parsed here
 * and compared with it (no database): docs/graph-model.md's node and relationship tables, the
 * constraints of migration V001, the Java traversal rules (LineageRules.KINDS), the pure-Cypher
 * traversal statements, and the resolve statement every module's lookups use. The display format
 * the Java procedures and the Cypher statements compute is checked against the registry, on a
 * graph, in test/traversal-engines.test.ts.
 */
const root = path.resolve(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const sorted = (xs: Iterable<string>) => [...xs].sort();
const defs = Object.values(NODE_TYPES);

/** The rows of the markdown table under `heading`, as cells. */
function tableUnder(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`\n## ${heading}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const lines = markdown.slice(start).split('\n').slice(1);
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows;
}

const firstCode = (cell: string) => /`([^`]+)`/.exec(cell)?.[1];

describe('the graph model registry (src/graph) and what restates it', () => {
  it('defines every NodeType once, with a label of its own', () => {
    expect(sorted(defs.map((d) => d.type))).toEqual(sorted(Object.values(NodeType)));
    expect(new Set(defs.map((d) => d.label)).size).toBe(defs.length);
    for (const d of defs) expect(nodeTypeOfLabel(d.label)).toBe(d.type);
    expect(nodeTypeOfLabel('MetricSeries')).toBeUndefined();
  });

  it("matches docs/graph-model.md's node table: labels and natural keys", () => {
    const rows = tableUnder(read('docs/graph-model.md'), 'Nodes');
    const documented = new Map(rows.map((r) => [firstCode(r[0])!, firstCode(r[1])!]));
    const registered = new Map([...defs.map((d): [string, string] => [d.label, d.storedKey]), ...Object.entries(OTHER_LABELS)]);
    expect(sorted(documented.keys())).toEqual(sorted(registered.keys()));
    for (const [label, key] of registered) expect({ label, key: documented.get(label) }).toEqual({ label, key });
  });

  it("matches docs/graph-model.md's relationship table", () => {
    const rows = tableUnder(read('docs/graph-model.md'), 'Relationships');
    expect(sorted(new Set(rows.map((r) => firstCode(r[0])!)))).toEqual(sorted(Object.keys(RELATIONSHIP_FLOW)));
  });

  it('matches the id and natural key constraints of migration V001', () => {
    const migration = read('cypher/migrations/V001__node_keys.cypher');
    for (const d of defs) {
      const key = d.storedKey.replace(/\w+/g, (p) => `n.${p}`);
      expect(migration).toContain(`FOR (n:${d.label}) REQUIRE n.id IS UNIQUE;`);
      expect(migration).toContain(`FOR (n:${d.label}) REQUIRE ${key} IS UNIQUE;`);
    }
  });

  it("matches the Java traversal rules' relationship kinds (LineageRules.KINDS)", () => {
    const java = read('neo4j/src/main/java/dev/modelgraph/LineageRules.java');
    const block = /Map<String, Kind> KINDS = Map\.ofEntries\(([\s\S]*?)\);/.exec(java)?.[1] ?? '';
    const kinds = Object.fromEntries([...block.matchAll(/Map\.entry\("(\w+)", Kind\.(\w+)\)/g)].map((m) => [m[1], m[2]]));
    const followed = Object.fromEntries(Object.entries(RELATIONSHIP_FLOW).filter(([, flow]) => flow !== null));
    expect(kinds).toEqual(followed);
    // The Java enum's constants are the registry's flows.
    const constants = /enum Kind \{([\s\S]*?)\n {4}\}/.exec(java)?.[1].match(/^\s+([A-Z_]+),?$/gm)?.map((c) => c.trim().replace(',', ''));
    expect(sorted(constants ?? [])).toEqual(sorted(Object.values(Flow)));
  });

  it('matches the relationship types the pure-Cypher traversals follow', () => {
    const types = (list: string) => sorted(list.split(/[|,]/).map((t) => t.trim().replace(/'/g, '')));
    const down = read('cypher/lineage/downstream.cypher');
    const madeFromOrServing = sorted([...typesWithFlow(Flow.MADE_FROM), ...typesWithFlow(Flow.SERVING)]);
    expect(types(/MATCH \(a\)-\[r:([\w|]+)\]->\(b\) RETURN r, b/.exec(down)![1])).toEqual(typesWithFlow(Flow.YIELDS));
    expect(types(/MATCH \(a\)<-\[r:([\w|]+)\]-\(b\) RETURN r, b/.exec(down)![1])).toEqual(madeFromOrServing);
    expect(down).toContain('MATCH (a:DatasetVersion)-[r:VERSION_OF]->(b) WHERE NOT a IN origins');
    expect(down).toContain('MATCH (a)<-[r:VERSION_OF]-(b) WHERE a IN origins');
    const up = read('cypher/lineage/upstream.cypher');
    expect(types(/type\(r\) IN \[([^\]]+)\] AND startNode\(r\) = a\)/.exec(up)![1])).toEqual(madeFromOrServing);
    expect(types(/type\(r\) IN \[([^\]]+)\] AND endNode\(r\) = a\)/.exec(up)![1])).toEqual(typesWithFlow(Flow.YIELDS));
    expect(up).toContain("(type(r) = 'VERSION_OF' AND startNode(r) = a AND a:DatasetVersion)");
    expect(up).toContain("(type(r) IN ['VERSION_OF', 'RUN_OF'] AND endNode(r) = a AND a IN origins)");
    // Both statements apply the visibility rules (docs/graph-model.md, "Time") to every relationship they follow.
    for (const statement of [down, up]) {
      for (const rule of ['r.retractedAt IS NULL', 'r.toRecordedAt > $knownAt', 'b.recordedAt <= $knownAt', 'b.createdAt <= $asOf']) {
        expect(statement.split(rule).length - 1).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('resolves every node type by id and by each part of its natural key in cypher/graph/resolve-refs.cypher', () => {
    const branches = read('cypher/graph/resolve-refs.cypher').split(/\n\s*UNION /);
    for (const d of defs) {
      const own = branches.filter((b) => b.includes(`ref.type = '${d.type}'`));
      expect({ type: d.type, byId: own.some((b) => b.includes(`(n:${d.label} {id: ref.id})`)) }).toEqual({ type: d.type, byId: true });
      for (const part of d.key) expect({ type: d.type, part, used: own.some((b) => b.includes(`ref.${part}`)) }).toEqual({ type: d.type, part, used: true });
    }
  });
});

describe('display labels and reference checks', () => {
  it('formats every type as documented, a missing part making the label null as in Cypher', () => {
    const parts = { namespace: 'lake', name: 'events', version: 'v1', field: 'amount', model: 'fraud', runId: 'r-1', jobNamespace: 'etl', jobName: 'daily' };
    expect(Object.fromEntries(defs.map((d) => [d.type, displayLabel(d.type, parts)]))).toEqual({
      DATASET: 'lake/events', DATASET_VERSION: 'lake/events@v1', FIELD: 'lake/events@v1.amount', FEATURE: 'lake/events', JOB: 'lake/events',
      RUN: 'etl/daily#r-1', MODEL: 'events', MODEL_VERSION: 'fraud@v1', ENSEMBLE: 'events', DEPLOYMENT: 'events',
    });
    expect(displayLabel(NodeType.MODEL_VERSION, { model: 'fraud', version: '2' })).toBe('fraud@2');
    expect(displayLabel(NodeType.RUN, { runId: 'r-1', jobNamespace: null, jobName: 'daily' })).toBe('r-1');
    expect(displayLabel(NodeType.FIELD, { namespace: 'lake', name: 'events', field: 'amount' })).toBeNull();
  });

  it('takes exactly one of an id or a complete natural key, naming the field path', () => {
    const fail = (run: () => unknown) => {
      try { run(); } catch (e) { return { message: (e as Error).message, ...(e as { extensions: object }).extensions }; }
      throw new Error('no error');
    };
    expect(checkRef(NodeType.DATASET_VERSION, { namespace: 'lake', name: 'events', version: 'v1' }, 'input.inputs[0]')).toEqual({
      type: 'DATASET_VERSION', id: null, namespace: 'lake', name: 'events', version: 'v1', field: null, model: null,
      key: 'lake/events@v1', path: 'input.inputs[0]',
    });
    expect(checkRef(NodeType.FEATURE, { id: 'f-1', namespace: '', name: null }, 'feature')).toMatchObject({ id: 'f-1', key: 'f-1', namespace: null });
    expect(fail(() => checkRef(NodeType.DATASET_VERSION, { namespace: 'lake', name: 'events' }, 'input.inputs[0]'))).toEqual({
      code: 'BAD_USER_INPUT', field: 'input.inputs[0]',
      message: 'input.inputs[0] names a dataset version by id, or by namespace + name + version (missing: version).',
    });
    expect(fail(() => checkRef(NodeType.MODEL_VERSION, { id: 'x', model: 'fraud' }, 'old'))).toMatchObject({
      field: 'old', message: 'old names a model version by id, or by model + version, not both.',
    });
    expect(fail(() => checkRef(NodeType.RUN, {}, 'run'))).toMatchObject({ field: 'run', message: 'run names a run by id only.' });
    // A FIELD's version: required, unless the caller allows the optional part (lineage: the version current at asOf).
    const noVersion = { namespace: 'lake', name: 'events', field: 'amount' };
    expect(fail(() => checkRef(NodeType.FIELD, noVersion, 'input.derivedFrom[1]'))).toMatchObject({ field: 'input.derivedFrom[1]' });
    expect(checkRef(NodeType.FIELD, noVersion, 'node', { optionalPart: true })).toMatchObject({ version: null, key: 'lake/events.amount' });
  });
});
