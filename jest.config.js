// Jest runs the TypeScript sources as native ES modules (see "test" in package.json:
// node --experimental-vm-modules), so @xenova/transformers (ESM-only) loads as it does in production.
/** @type {import('jest').Config} */
export default {
  testEnvironment: '<rootDir>/test/support/shared-typed-arrays-environment.ts',
  globalSetup: '<rootDir>/test/support/ensure-model.ts',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/{packages,services,workers,db,test}/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 30000,
};
