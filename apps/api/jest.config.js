const base = require('../../jest.swc.js');

module.exports = {
  rootDir: __dirname,
  projects: [
    { ...base, displayName: 'unit', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/src/test-support/global-setup.ts',
      testTimeout: 60000,
    },
  ],
};
