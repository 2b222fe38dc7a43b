const base = require('../jest.swc.js');

module.exports = {
  ...base,
  rootDir: __dirname,
  displayName: 'e2e',
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  testTimeout: 120000,
  // Each suite starts its own app process and database; two at a time keeps 2 cores responsive.
  maxWorkers: 2,
};
