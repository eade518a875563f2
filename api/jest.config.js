/** Each test file runs against a real database of its own, cloned from the run's seeded template (see test/test-database.ts). */
module.exports = {
  testEnvironment: '<rootDir>/test/database-environment.ts',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleNameMapper: {
    '^@medchannel/shared-schema$': '<rootDir>/../shared-schema/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  restoreMocks: true,
};
