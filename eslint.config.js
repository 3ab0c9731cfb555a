// Lint rules: typescript-eslint's recommended type-aware set plus the project's module boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', 'bench/peers/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/data-plane/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/store/**', '**/control-plane/**'] }],
    },
  },
  {
    files: ['src/control-plane/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/data-plane/**', '**/store/sqlite/**'] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../*/**', '!../shared/**'] }],
    },
  },
  {
    files: ['src/iam/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../*/**', '!../shared/**'] }],
    },
  },
);
