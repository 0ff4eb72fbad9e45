/** Tests run against a real Neo4j that test/global-setup.ts starts once per run. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // ts-jest emits the decorator metadata type-graphql needs. It transpiles file by file (fast);
  // `npm test` type-checks the whole project once beforehand (`npm run typecheck`).
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
  // Integration tests share one Neo4j; each test isolates itself by clearing it (see test/support).
  maxWorkers: 1,
};
