// Lint rules for the whole repository. `npm run lint` allows no warnings.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = [
  'operations',
  'business',
  'data-health',
  'model-health',
  'attribution',
  'segments',
  'reporting',
];
const SHARED = [
  'app',
  'auth',
  'catalog',
  'common',
  'config',
  'core',
  'database',
  'ingest',
  'ingest-decisions',
  'dead-letter',
  'circuit-breakers',
  'annotations',
  'scheduling',
  'metrics',
  'health',
  'panels',
  'rate-limit',
  'write',
  'test-support',
];
const api = (dir) => `./apps/api/src/${dir}`;

// A feature module reaches another only through that module's public index.ts.
const featureZones = FEATURES.flatMap((target) =>
  FEATURES.filter((from) => from !== target).map((from) => ({
    target: api(target),
    from: api(from),
    except: ['./index.ts'],
    message: `Use the ${from} module's exported service (its index.ts), not its internals.`,
  })),
);

// Shared modules never depend on feature modules (the app module wires them).
const sharedZones = SHARED.filter((dir) => dir !== 'app').map((target) => ({
  target: api(target),
  from: FEATURES.map(api),
  message: 'Shared modules must not depend on feature modules.',
}));

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.angular/**',
      '.data/**',
      'coverage/**',
      'libs/api-client/src/**',
      'drizzle/**',
      '**/*.js',
      'e2e/.artifacts/**',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...featureZones,
            ...sharedZones,
            {
              target: './apps/web',
              from: './apps/api',
              message: 'The portal talks to the API only through libs/api-client.',
            },
            { target: './libs', from: './apps', message: 'libs/ must not import either app.' },
          ],
        },
      ],
    },
  },
  {
    // Plain Node scripts and tool configs sit outside every tsconfig: lint them without types.
    files: ['**/*.mjs', 'drizzle.config.ts'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
      parserOptions: { projectService: false, program: null },
    },
  },
  {
    // Only repositories (and the database module itself) touch drizzle and the tables.
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/**/*.repository.ts',
      'apps/api/src/database/**',
      'apps/api/src/**/*.spec.ts',
      'apps/api/src/**/*.int-spec.ts',
      'apps/api/src/test-support/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['drizzle-orm', 'drizzle-orm/*'],
              message: 'Only repositories run SQL; move the query into one.',
            },
            {
              group: ['**/database/schema', '**/database/schema/*'],
              message: 'Only repositories import drizzle tables.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'e2e/**/*.ts', 'apps/api/src/test-support/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Test helpers return parsed JSON bodies; tests assert on their shape.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
