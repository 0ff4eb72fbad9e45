/**
 * Two projects: `unit` (test/**\/*.unit.test.ts: pure functions, no Neo4j, seconds) and
 * `integration` (every other test/**\/*.test.ts: a real Neo4j per jest worker, test/support).
 * `npm test` runs both; `npm run test:unit` / `npm run test:integration` one of them.
 */
const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // ts-jest emits the decorator metadata type-graphql needs. It transpiles file by file (fast);
  // `npm test` type-checks the whole project once beforehand (`npm run typecheck`).
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['**/*.unit.test.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.unit\\.test\\.ts$'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/worker-neo4j.ts'],
    },
  ],
  testTimeout: 60000,
  // Each worker brings its own Neo4j (~1 GB, test/support/global-setup.ts); two fit a 2-core CI box.
  maxWorkers: 2,
};
