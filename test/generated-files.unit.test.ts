import fs from 'node:fs';
import path from 'node:path';
import { buildAppSchema, renderSchema } from '../src/app/schema';
import { query } from '../src/db/query';
import { SAMPLE_VARIANTS, sampleParams } from '../src/db/sample-params';
import * as Q from '../src/generated/cypher';

// Generated files are checked in; these fail when someone changed the source but not them.
// Fix: `npm run gen`, then commit.
const root = path.join(__dirname, '..');

describe('generated files are up to date', () => {
  it('schema.graphql matches the type-graphql classes', async () => {
    const expected = renderSchema(await buildAppSchema());
    expect(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8')).toBe(expected);
  });

  it('src/generated/cypher.ts matches cypher/**/*.cypher', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script without types
    const { render, outFile } = require('../scripts/gen-cypher.js');
    expect(fs.readFileSync(outFile, 'utf8')).toBe(render());
  });
});

describe('the cypher generator checks the declared types against the statement', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the generator is a CommonJS script
  const { parse } = require('../scripts/gen-cypher.js');
  const statement = (header: string, body: string) => `// What it does.\n${header}\n${body}`;

  it('reads the columns of the final RETURN (not of a subquery), and finds the Integer params inside lists of maps', () => {
    const q = parse(statement('// @param rows: { n: Integer; share: number }[]\n// @param limit: Integer\n// @returns id: string\n// @returns total: Integer',
      'UNWIND $rows AS row CALL (row) { RETURN row.n AS inner } WITH row, inner RETURN DISTINCT row.id AS id, count(*) AS total ORDER BY id LIMIT $limit'));
    expect([...q.returns.keys()]).toEqual(['id', 'total']);
    expect(q.integers).toEqual(['limit', 'rows[].n']);
  });

  it('fails when a RETURN column is not declared, or a declared one is not returned, in every branch of a UNION', () => {
    expect(() => parse(statement('// @returns a: string', 'RETURN 1 AS a, 2 AS b'))).toThrow('RETURN column b has no @returns line');
    expect(() => parse(statement('// @returns a: string\n// @returns c: string', 'RETURN 1 AS a'))).toThrow('@returns c is not a RETURN column');
    expect(() => parse(statement('// @returns a: string', 'RETURN 1 AS a UNION RETURN 2 AS b'))).toThrow('(UNION branch 2)');
    expect(() => parse(statement('// @returns a: string', 'CREATE (:X)'))).toThrow('returns no rows');
  });

  it('fails when a $parameter has no @param line', () => {
    expect(() => parse(statement('', 'MATCH (n {id: $id}) DELETE n'))).toThrow('$id has no @param line');
  });

  it('fails when a line that would be left out as a comment is inside a string literal', () => {
    expect(() => parse(statement('// @returns a: string', "RETURN 'one\n// two' AS a"))).toThrow('inside a string literal');
    expect(() => parse(statement('// @returns a: string', "RETURN 'http://x' AS a // trailing comments stay"))).not.toThrow();
  });
});

describe('what is sent to Neo4j', () => {
  it('is each statement without its comment lines; the header stays in the source the warm-up reads', () => {
    const q = query<unknown, unknown>('x', "// Does x.\n// @param id: string\nMATCH (n {id: $id}) // the node\n  // why the next line\nRETURN n.url AS url");
    expect(q.text).toBe('MATCH (n {id: $id}) // the node\nRETURN n.url AS url');
    expect(sampleParams(q.source)).toEqual({ id: 'x'.repeat(36) });
    for (const generated of Object.values(Q)) expect(generated.text.split('\n').filter((l) => l.trimStart().startsWith('//'))).toEqual([]);
  });
});

describe('the warm-up\'s sample parameters', () => {
  // Neo4j plans apart each size class of a top-level string or list (0, 1, 2-10, 11-100, ...): the
  // variants must land in the classes real calls send, and apart from each other.
  const sizeClass = (n: number) => (n <= 1 ? n : Math.ceil(Math.log10(n)));
  const source = [
    '// @param id: string', "// @param type: 'DATASET' | 'MODEL'", '// @param ids: string[]', '// @param after: string | null',
    '// @param rows: { key: string; tags: string[] }[]', '// @param limit: Integer', 'MATCH (n) RETURN n',
  ].join('\n');

  it('gives each variant its own size class of strings and lists, at the top level only', () => {
    const [one, page] = SAMPLE_VARIANTS.map((v) => sampleParams(source, v));
    expect(sizeClass((one.id as string).length)).toBe(sizeClass(36)); // a UUID
    expect(sizeClass((page.id as string).length)).toBe(sizeClass('COMPLETE'.length));
    expect((one.ids as string[]).length).toBe(1);
    expect(sizeClass((page.ids as string[]).length)).toBe(sizeClass(20));
    expect(one.type).toBe('DATASET');
    expect(page.after).toBeNull();
    expect((page.rows as { tags: string[] }[])[0].tags).toEqual(['']);
    expect(one.limit).toBe(0);
  });
});

