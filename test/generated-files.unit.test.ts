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
