// @ts-check
/**
 * Lint rules, including the layer boundaries of shared DESIGN.md §2.
 *
 * The zones are the enforcement of the architecture: a renderer import of core or an
 * `electron` import outside main/shell fails `npm run lint` (see tooling/lint-boundaries.test.ts).
 */
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const electronOnlyInShell = {
  paths: [{ name: 'electron', message: 'Only main/shell/ may import electron: core, ipc, cli and the renderer must run without the Electron binary.' }],
  patterns: [{ group: ['electron/*'], message: 'Only main/shell/ may import electron.' }],
};

export default tseslint.config(
  { ignores: ['node_modules/**', '.tsbuild/**', '.cache/**', 'out/**', 'app/dist/**', 'tooling/fixtures/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'scripts/*.js', 'renderer/vite.config.ts', 'electron.vite.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    rules: {
      'no-restricted-imports': ['error', electronOnlyInShell],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // The top-level folders form one line: contract ← core ← connector ← main, and the
            // renderer sees the contract only (docs/architecture.md draws it).
            {
              target: ['./contract/*.ts', './contract/testing/**'],
              from: ['./contract/connector-api', './core', './connector', './main', './renderer'],
              message: 'The contract is the bottom layer: zod schemas that import nothing of ours.',
            },
            {
              target: './contract/connector-api',
              from: ['./core', './connector', './main', './renderer'],
              message: "The service's API schemas import only the contract: the service and its client share them.",
            },
            {
              target: './core',
              from: ['./connector', './main', './renderer'],
              message: 'core is the domain every front door shares: it imports only the contract (and reaches the service through contract/connector-api).',
            },
            {
              target: './connector',
              from: ['./main', './renderer'],
              message: 'The service runs without the console and the admin CLI: it may use core and the contract only.',
            },
            {
              target: ['./main/ipc', './main/cli', './main/shell'],
              from: './connector/server',
              except: ['./testing'],
              message:
                'The console and the admin CLI reach the service over HTTP (core/connector); only the demo, and tests through connector/server/testing, start a node in-process.',
            },
            {
              target: ['./main/ipc', './main/cli', './main/shell'],
              from: './connector/cli',
              message: 'The console and the admin CLI never run the service command line.',
            },
            {
              target: './renderer',
              from: ['./core', './connector', './main', './contract/connector-api', './e2e', './bench', './tooling'],
              message: 'The renderer is a web app over window.adminBridge: it imports only the contract.',
            },
            { target: './main/ipc', from: ['./main/cli', './main/demo'], message: 'ipc dispatches to core; it never reaches the CLI or the demo.' },
            {
              target: ['./core', './main/ipc', './main/cli', './main/demo'],
              from: './main/shell',
              message: 'Only the shell composes Electron; core, ipc, cli and demo never import it.',
            },
            {
              target: ['./contract', './core', './connector', './main'],
              from: ['./e2e', './bench', './tooling'],
              message: 'Product code never imports test, benchmark or tooling code.',
            },
          ],
        },
      ],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      // Escapers walk strings by code point on purpose (RFC 4514/4515 work on UTF-8 characters,
      // not grapheme clusters), which is what spreading a string does.
      '@typescript-eslint/no-misused-spread': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(it|describe|test)$/][callee.property.name='only']",
          message: 'Focused tests hide the rest of the suite.',
        },
        { selector: "Property[key.name='rejectUnauthorized'][value.value=false]", message: 'Certificate verification is always on.' },
      ],
    },
  },
  {
    files: ['main/shell/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Asymmetric matchers (expect.stringMatching, expect.objectContaining…) are typed `any`.
    files: [
      '**/*.test.ts',
      '**/*.test.tsx',
      'e2e/**/*.spec.ts',
      'core/directory/testing/contract-*.ts',
      'connector/server/store/testing/contract/*-contract.ts',
    ],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
