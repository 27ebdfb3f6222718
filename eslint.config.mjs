// Flat config: typescript-eslint with type information so promise misuse is caught.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', '.bench/**', 'test-results/**', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's test/describe return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }],
      }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [] }],
    },
  },
  {
    // The core is pure: no editor, no SDK, no file system.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['vscode'], message: 'src/core must not import vscode.' },
          { group: ['@azure/*'], message: 'src/core must not import the Azure SDK.' },
          { group: ['node:fs', 'fs', 'node:child_process', 'child_process', 'node:net', 'node:http', 'node:https'], message: 'src/core is pure: no I/O.' },
          { group: ['../cli/*', '../extension/*', '../azure/*', '../templates/*', '../../cli/*', '../../extension/*', '../../azure/*', '../../templates/*'], message: 'Dependencies point inward.' },
        ],
      }],
    },
  },
);
