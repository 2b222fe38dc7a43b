// Unit tests of the portal: jest-preset-angular (CommonJS preset) with jsdom and zoneless change
// detection. Run from the repository root: `npm run test:web`.
const { createCjsPreset } = require('jest-preset-angular/presets');

const preset = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'web',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  moduleNameMapper: {
    '^@kaireon/api-client$': '<rootDir>/../../libs/api-client/src/index.ts',
  },
};
