/**
 * The suite that runs handlers under the real Lambda runtime interface client (aws-lambda-ric). Kept
 * out of the default run: it installs and compiles the client once into .build/runtime-client/ and
 * needs Node 24. Run it with `npm run test:runtime-client`.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/runtime-client'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  globalSetup: '<rootDir>/tests/runtime-client/global-setup.ts',
  testTimeout: 30000,
};
