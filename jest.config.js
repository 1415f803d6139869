// ESM + swc: decorator metadata is needed by type-graphql and MikroORM.
// Files run in parallel workers (TEST_WORKERS, default 3, or --maxWorkers), each on its own clone of the seeded template; on two
// cores a third worker fills the time files spend waiting on Postgres, child processes and timers.
export default {
  testEnvironment: '<rootDir>/test/database-environment.mjs',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2023',
        },
        module: { type: 'es6' },
      },
    ],
  },
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  maxWorkers: process.env.TEST_WORKERS ?? 3,
  // ESM test modules pile up in a worker (about 2.5 GB by the end of a run); a worker past 1 GB is replaced after its file.
  workerIdleMemoryLimit: '1GB',
  testTimeout: 30000,
};
