import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'coverage/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['discord.js', '@slack/*'], message: 'Only adapters/ may import a chat library.' }],
      }],
    },
  },
  {
    // Adapters, their tests and fakes, and benchmarks of the adapters may use chat libraries.
    files: ['adapters/**', 'test/adapters/**', 'test/helpers/fake-*/**', 'bench/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
