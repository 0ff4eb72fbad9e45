// ESLint over the TypeScript sources, tests, benchmark and scripts: the recommended rules of
// ESLint and typescript-eslint, minus the few that are noise for this code base (each says why).
// `npm run lint`; `npm test` runs it first (pretest).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.venv/**', 'neo4j/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // A leading underscore marks what is left unused on purpose: an argument a fixed signature
      // requires (express error handlers), a key dropped from an object by destructuring.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // type-graphql takes resolver classes as `Function` (buildSchema's NonEmptyArray<Function>).
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // GraphQL answers are untyped JSON: tests read them as `any` and let the assertions check.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // The web UI runs in the browser; its build config in Node (ESM).
    files: ['ui/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
  {
    files: ['ui/*.mts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['scripts/**/*.js', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: {
      // Plain Node scripts load modules with require().
      '@typescript-eslint/no-require-imports': 'off',
      // `const crypto = require('node:crypto')` names the module as Node's global does.
      'no-redeclare': ['error', { builtinGlobals: false }],
    },
  },
);
