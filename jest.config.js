/** @type {import('jest').Config} */
const common = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testEnvironment: 'node',
};

module.exports = {
  // two cores: one worker per core
  maxWorkers: 2,
  // generous on a loaded 2-core machine (Jest reads this at the top level only); a hung test still fails
  testTimeout: 30_000,
  // the read-model suites give every PostgreSQL run a schema of its own; these name and drop them
  globalSetup: '<rootDir>/test/support/jest-global-setup.js',
  globalTeardown: '<rootDir>/test/support/jest-global-teardown.js',
  projects: [
    { ...common, displayName: 'unit', rootDir: 'src', testRegex: '.*\\.spec\\.ts$' },
    { ...common, displayName: 'contract', rootDir: 'test/contract', testRegex: '.*\\.contract\\.spec\\.ts$' },
    { ...common, displayName: 'projections', rootDir: 'test/projections', testRegex: '.*\\.spec\\.ts$' },
    { ...common, displayName: 'e2e', rootDir: 'test/e2e', testRegex: '.*\\.e2e\\.spec\\.ts$' },
  ],
};
