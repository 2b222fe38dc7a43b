const base = require('../../jest.swc.js');

module.exports = {
  rootDir: __dirname,
  // Jest reads the timeout only at the top level, not per project; integration suites need it.
  testTimeout: 60000,
  projects: [
    { ...base, displayName: 'unit', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/src/test-support/global-setup.ts',
    },
  ],
};
