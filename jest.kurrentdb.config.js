/**
 * The store contract against a real KurrentDB (`npm run test:kurrentdb`, needs KURRENTDB_URL).
 * Kept out of `npm test`: no KurrentDB server can run on the CI machines.
 */
/** @type {import('jest').Config} */
module.exports = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testEnvironment: 'node',
  testTimeout: 30_000,
  rootDir: 'test/kurrentdb',
  testRegex: '.*\\.contract\\.spec\\.ts$',
};
