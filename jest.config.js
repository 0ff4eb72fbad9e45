/** Tests run against a real Neo4j that test/global-setup.ts starts once per run. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // ts-jest runs the TypeScript compiler, which emits the decorator metadata type-graphql needs.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
  // Integration tests share one Neo4j; each test isolates itself by clearing it (see test/support).
  maxWorkers: 1,
};
