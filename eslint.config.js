import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Module faces: code outside src/modules/X reaches X only through src/modules/X/index.js, which
 * exports X's services and types but not its repositories (ARCHITECTURE.md, "Module faces").
 */
const otherModulesInternals = {
  regex: '(^|/)modules/[^/]+/(?!index\\.js$)[^/]+',
  message: 'Import another module through its index.js (its face), not its files.',
};
/** Inside src/modules/X, a sibling module is "../Y/…": only "../Y/index.js" is allowed. */
const siblingModulesInternals = {
  regex: '^\\.\\./(?!\\.\\.(/|$))[^/]+/(?!index\\.js$)[^/]+',
  message: 'Import another module through its index.js (its face), not its files.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  { files: ['bin/**', 'scripts/**', 'test/**', 'bench/**', 'drills/**'], rules: { 'no-console': 'off' } },
  // Tests are exempt: they build rows and jobs through module internals on purpose.
  {
    files: ['src/**', 'bin/**', 'scripts/**', 'bench/**', 'drills/**'],
    ignores: ['src/modules/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [otherModulesInternals] }] },
  },
  {
    files: ['src/modules/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [otherModulesInternals, siblingModulesInternals] }],
    },
  },
);
