/**
 * One Jest run covers the three test levels, mirroring src/:
 *   test/unit  - pure domain and card builders
 *   test/db    - repositories and import against the embedded database and, when
 *                TEST_DATABASE_URL is set, PostgreSQL
 *   test/e2e   - the running server over HTTP against local stand-ins for Teams
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // @microsoft/app-manifest (the app package's schema validation) requires the ESM-only strip-bom 5.
  moduleNameMapper: { '^strip-bom$': '<rootDir>/test/support/strip-bom.cjs' },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // After each test file: kill any process tree it started and left running (a failed beforeAll).
  setupFilesAfterEnv: ['<rootDir>/test/support/kill-strays.ts'],
  // A hang detector, not a speed check: on a loaded machine a server takes minutes to start, and
  // every wait inside a test is on an event (a log line, an exit, a message arriving).
  testTimeout: 300000,
  // PGlite instances are large (300-500 MB); two workers on two cores keep memory in check.
  maxWorkers: 2,
};
