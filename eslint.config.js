// @ts-check
/**
 * Lint rules, including the layer boundaries of shared DESIGN.md §2.
 *
 * The zones are the enforcement of the architecture: a renderer import of main/core or an
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
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'renderer/vite.config.ts', 'electron.vite.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      'no-restricted-imports': ['error', electronOnlyInShell],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './renderer', from: './main', except: ['./contract'], message: 'The renderer reaches main only through main/contract.' },
            { target: './renderer', from: ['./connector', './e2e', './bench'], message: 'The renderer is a web app over window.adminBridge: it imports only main/contract.' },
            { target: './main/ipc', from: ['./main/cli', './main/demo', './renderer'], message: 'ipc dispatches to core; it never reaches the CLI, the demo or the renderer.' },
            { target: './main/contract', from: ['./main/core', './main/ipc', './main/shell', './main/cli', './main/demo', './renderer', './connector'], message: 'The contract imports nothing of ours.' },
            { target: ['./main/core', './main/ipc', './main/cli', './main/demo'], from: './main/shell', message: 'Only the shell composes Electron; core, ipc, cli and demo never import it.' },
            { target: './main/core', from: ['./main/ipc', './main/cli', './renderer'], message: 'core is the bottom layer: it imports only the contract.' },
            { target: ['./main', './connector'], from: ['./e2e', './bench'], message: 'Product code never imports test or benchmark code.' },
            { target: './connector/api', from: ['./main/core', './main/ipc', './main/shell', './main/cli', './main/demo', './renderer', './connector/server', './connector/cli'], message: 'The API schemas import only the contract: the service and its client share them.' },
            { target: './main/core', from: './connector', except: ['./api'], message: 'The console reaches the service only through its API schemas, never its server code.' },
            { target: './connector', from: ['./main/shell', './main/ipc', './main/cli', './main/demo', './renderer'], message: 'The service runs without the console: it may use main/core and main/contract only.' },
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
        { selector: "CallExpression[callee.object.name=/^(it|describe|test)$/][callee.property.name='only']", message: 'Focused tests hide the rest of the suite.' },
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
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.spec.ts', 'main/core/directory/testing/contract-*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
