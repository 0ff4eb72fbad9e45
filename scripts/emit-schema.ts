// Writes schema.graphql from the type-graphql classes (`npm run gen`); test/generated-files.test.ts
// fails when the checked-in file is stale.
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildAppSchema, renderSchema } from '../src/app/schema';

async function main(): Promise<void> {
  const file = path.join(__dirname, '..', 'schema.graphql');
  const text = renderSchema(await buildAppSchema());
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
    fs.writeFileSync(file, text);
    console.log('wrote schema.graphql');
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
