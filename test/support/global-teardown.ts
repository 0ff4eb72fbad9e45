import fs from 'node:fs';
import type { EmbeddedNeo4j } from '../../src/neo4j/embedded';

export default async function globalTeardown(): Promise<void> {
  const neo4j = (globalThis as Record<string, unknown>).__MODELGRAPH_NEO4J__ as EmbeddedNeo4j | undefined;
  if (!neo4j) return;
  await neo4j.stop();
  const dir = process.env.MODELGRAPH_TEST_NEO4J_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
