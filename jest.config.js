/** Jest runs the TypeScript sources through SWC: type-checking is `tsc --noEmit`'s job. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // Runs under the real runtime interface client, built on demand: `npm run test:runtime-client`.
  // Runs the real SAM transform (Python, brought by cfn-lint): part of `npm run lint:template`.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/runtime-client/', '<rootDir>/tests/template-transform/'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testTimeout: 30000,
  // Jest's default leaves one core idle; the suites wait on child processes and sockets as much as
  // they compute, so one worker per core took the full run from 55 s to 34 s on 2 cores.
  maxWorkers: '100%',
};
