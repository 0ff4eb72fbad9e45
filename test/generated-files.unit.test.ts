import fs from 'node:fs';
import path from 'node:path';
import { buildAppSchema, renderSchema } from '../src/app/schema';

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
});
