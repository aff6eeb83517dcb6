// One lint config. The `no-restricted-imports` blocks keep the three rooms' doors one-way:
// shared imports nothing of node or client, node never imports client or React, client never node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';

const nodeBuiltins = {
  regex: '^(node:.*|fs|path|os|url|crypto|worker_threads|child_process|stream|util)(/.*)?$',
  message: 'Node built-ins belong in src/node only.',
};
const intoNode = {
  group: ['**/node', '**/node/**'],
  message: 'Only the build (src/node) may import src/node.',
};
const intoClient = { group: ['**/client', '**/client/**'], message: 'src/client is the browser room.' };
const react = { regex: '^(react|react-dom|react-router-dom|@tanstack/.*)(/.*)?$', message: 'No React here.' };

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'tests/fixtures',
      'test-results',
      'reports',
      'playwright-report',
      'content',
      '.bench',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, intoNode, intoClient, react] }],
    },
  },
  {
    files: ['src/node/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [intoClient, react] }] },
  },
  {
    files: ['src/client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, intoNode] }],
    },
  },
);
