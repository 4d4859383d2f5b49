import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The project's real ESLint config, applied to deliberate violations given as virtual files.
 *
 * Type-aware rules are switched off only because the virtual files belong to no tsconfig;
 * the boundary rules under test need no type information.
 */
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

describe('layer boundaries', () => {
  it('refuses an electron import in core', async () => {
    expect(await ruleIdsFor('core/directory/leak.ts', "import { app } from 'electron';\nexport const name = app.name;\n")).toContain('no-restricted-imports');
  });

  it('refuses an electron import in the CLI and in the renderer', async () => {
    const code = "import { ipcRenderer } from 'electron';\nexport const bridge = ipcRenderer;\n";
    expect([await ruleIdsFor('main/cli/leak.ts', code), await ruleIdsFor('renderer/leak.ts', code)]).toEqual([
      expect.arrayContaining(['no-restricted-imports']),
      expect.arrayContaining(['no-restricted-imports']),
    ]);
  });

  it('lets main/shell import electron', async () => {
    expect(await ruleIdsFor('main/shell/window.ts', "import { app } from 'electron';\nexport const name = app.name;\n")).not.toContain('no-restricted-imports');
  });

  it('refuses a renderer import of core', async () => {
    const code = "import { connectDirectory } from '../core/directory/index.ts';\nexport const connect = connectDirectory;\n";
    expect(await ruleIdsFor('renderer/leak.ts', code)).toContain('import-x/no-restricted-paths');
  });

  it('refuses a contract import of core', async () => {
    const code = "import { DirectoryError } from '../core/directory/index.ts';\nexport const error = DirectoryError;\n";
    expect(await ruleIdsFor('contract/leak.ts', code)).toContain('import-x/no-restricted-paths');
  });

  it('keeps the top-level folders in one line: contract ← core ← connector ← main', async () => {
    const coreToService = "import { startService } from '../../connector/server/start-service.ts';\nexport const start = startService;\n";
    const serviceToConsole = "import { runCli } from '../../main/cli/run-cli.ts';\nexport const run = runCli;\n";
    const schemasToService = "import { buildServiceApp } from '../../connector/server/service-app.ts';\nexport const app = buildServiceApp;\n";
    const contractToApi = "import { API_ROUTES } from './connector-api/routes.ts';\nexport const table = API_ROUTES;\n";
    const refused = expect.arrayContaining(['import-x/no-restricted-paths']);
    expect([
      await ruleIdsFor('core/health/leak.ts', coreToService),
      await ruleIdsFor('connector/server/leak.ts', serviceToConsole),
      await ruleIdsFor('contract/connector-api/leak.ts', schemasToService),
      await ruleIdsFor('contract/leak.ts', contractToApi),
    ]).toEqual([refused, refused, refused, refused]);
  });

  it('lets each layer import the ones below it', async () => {
    const serviceToCore = "import { judgeGrant } from '../../core/authorization/judge-grant.ts';\nexport const judge = judgeGrant;\n";
    const coreToApi = "import { API_ROUTES } from '../../contract/connector-api/routes.ts';\nexport const table = API_ROUTES;\n";
    const demoToService = "import { startService } from '../../connector/server/start-service.ts';\nexport const start = startService;\n";
    expect([
      await ruleIdsFor('connector/server/uses-core.ts', serviceToCore),
      await ruleIdsFor('core/connector/uses-api.ts', coreToApi),
      await ruleIdsFor('main/demo/uses-service.ts', demoToService),
    ]).toEqual([[], [], []]);
  });

  it('keeps the console and the admin CLI off the service code, except its test helpers', async () => {
    const server = "import { startService } from '../../connector/server/start-service.ts';\nexport const start = startService;\n";
    const fixture = "import { startLoopbackNode } from '../../connector/server/testing/loopback-node.ts';\nexport const start = startLoopbackNode;\n";
    expect([await ruleIdsFor('main/ipc/leak.ts', server), await ruleIdsFor('main/cli/uses-fixture.test.ts', fixture)]).toEqual([
      expect.arrayContaining(['import-x/no-restricted-paths']),
      [],
    ]);
  });

  it('refuses a renderer import of the service code, and of the CLI', async () => {
    const service = "import { startService } from '../connector/server/start-service.ts';\nexport const start = startService;\n";
    const ipc = "import { runCli } from '../main/cli/run-cli.ts';\nexport const run = runCli;\n";
    expect([await ruleIdsFor('renderer/leak.tsx', service), await ruleIdsFor('renderer/leak.ts', ipc)]).toEqual([
      expect.arrayContaining(['import-x/no-restricted-paths']),
      expect.arrayContaining(['import-x/no-restricted-paths']),
    ]);
  });

  it('lets the renderer import the contract', async () => {
    const code = "import { ipcContract } from '../contract/ipc.ts';\nexport const channels = ipcContract;\n";
    expect(await ruleIdsFor('renderer/api/uses-contract.ts', code)).not.toContain('import-x/no-restricted-paths');
  });

  it('refuses an ipc import of the CLI', async () => {
    const code = "import { runCli } from '../cli/run-cli.ts';\nexport const run = runCli;\n";
    expect(await ruleIdsFor('main/ipc/leak.ts', code)).toContain('import-x/no-restricted-paths');
  });

  it('refuses turning certificate verification off', async () => {
    const code = 'export const options = { rejectUnauthorized: false };\n';
    expect(await ruleIdsFor('core/directory/leak.ts', code)).toContain('no-restricted-syntax');
  });
});
