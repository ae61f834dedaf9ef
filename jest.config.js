/** Jest runs the TypeScript sources through SWC: type-checking is `tsc --noEmit`'s job. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // Runs under the real runtime interface client, built on demand: `npm run test:runtime-client`.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/runtime-client/'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testTimeout: 30000,
};
