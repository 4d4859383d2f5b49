import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, upnOf, type TestService } from '../../connector/server/testing/service-fixture.ts';
import { SEED_PASSWORD } from '../../core/directory/testing/ad-test-connection.ts';
import { runCliProcessAsync, type CliRun } from './testing/run-cli-process.ts';

describe('rms-connector-admin admins and onboarding against a live connector service', () => {
  let service: TestService;
  let directory: string;
  const sessionOf = (who: string) => join(directory, `${who}.json`);
  const runAs = (who: string, args: readonly string[], input = ''): Promise<CliRun> =>
    runCliProcessAsync(args, { env: { RMSADMIN_SESSION_FILE: sessionOf(who), RMSADMIN_SERVICE_URL: service.url }, input });
  const alice = (args: readonly string[]) => runAs('alice', args);
  const listed = async () =>
    (JSON.parse((await alice(['admins', 'list', '--json'])).stdout) as { administrators: { name: string; role: string }[] }).administrators;

  beforeAll(async () => {
    service = await startTestService();
    await service.grant(upnOf('alice'), 'GlobalAdministrator');
    await service.grant(upnOf('bob'), 'ConnectorAdministrator');
    directory = mkdtempSync(join(tmpdir(), 'rmsadmin-admins-cli-'));
    for (const who of ['alice', 'bob']) {
      const signedIn = await runAs(who, ['sign-in', '--username', upnOf(who), '--password-stdin'], `${SEED_PASSWORD}\n`);
      if (signedIn.status !== 0) throw new Error(`sign-in as ${who} failed: ${signedIn.stderr}`);
    }
  });
  afterAll(async () => {
    await service.dispose();
    rmSync(directory, { recursive: true, force: true });
  });

  it("adds a group by name, storing the directory's name", async () => {
    const added = await alice(['admins', 'add', 'it ops', '--role', 'ConnectorAdministrator']);
    expect({ status: added.status, stdout: added.stdout }).toEqual({ status: 0, stdout: expect.stringContaining('CORP\\IT Ops (group, S-1-5-21-') });
    expect(await listed()).toContainEqual(expect.objectContaining({ name: 'CORP\\IT Ops', role: 'ConnectorAdministrator' }));
  });

  it('lists the group for people and removes it by its listed name', async () => {
    expect((await alice(['admins', 'list'])).stdout).toMatch(/ConnectorAdministrator\s+group CORP\\IT Ops {2}S-1-5-21-/);
    const removed = await alice(['admins', 'remove', 'IT Ops', '--role', 'ConnectorAdministrator', '--json']);
    expect({ status: removed.status, name: (JSON.parse(removed.stdout) as { name: string }).name }).toEqual({ status: 0, name: 'CORP\\IT Ops' });
    expect((await listed()).map((administrator) => administrator.name)).not.toContain('CORP\\IT Ops');
  });

  it.each([
    ['a distribution group', ['admins', 'add', 'All Contoso Staff', '--role', 'GlobalAdministrator'], 1, 'NOT_SECURITY_GROUP'],
    ['an unknown name', ['admins', 'add', 'no.such.user@corp.contoso.test', '--role', 'GlobalAdministrator'], 1, 'NAME_NOT_FOUND'],
    ['a missing --role', ['admins', 'add', 'alice'], 2, 'USAGE'],
    ['an unknown --role', ['admins', 'add', 'alice', '--role', 'exchange'], 2, 'USAGE'],
    ['the last GlobalAdministrator', ['admins', 'remove', upnOf('alice'), '--role', 'GlobalAdministrator'], 2, 'LAST_GLOBAL_ADMINISTRATOR'],
    ['an assignment nobody holds', ['admins', 'remove', 'bob', '--role', 'GlobalAdministrator'], 1, 'NOT_FOUND'],
    ['a hidden character in the name', ['admins', 'add', 'ali\u200Bce', '--role', 'GlobalAdministrator'], 2, 'INVALID_INPUT'],
  ])('refuses %s with its code and exit code, and changes nothing', async (_label, args, status, code) => {
    const before = await listed();
    const result = await alice(args);
    expect({ status: result.status, code: result.stderr.split(':')[1]?.trim() }).toEqual({ status, code });
    expect(await listed()).toEqual(before);
  });

  it('sets, shows and clears the onboarding-control group, refusing a group the administrator is not in', async () => {
    const lockOut = await alice(['onboarding', 'set', 'CORP\\IT Ops']);
    expect({ status: lockOut.status, stderr: lockOut.stderr }).toEqual({ status: 2, stderr: expect.stringContaining('ONBOARDING_WOULD_LOCK_OUT') });
    expect((await alice(['onboarding', 'set', 'CORP\\Domain Users'])).status).toBe(0);
    expect((await alice(['onboarding', 'show'])).stdout).toContain('Only members of CORP\\Domain Users');
    expect((await alice(['onboarding', 'clear'])).status).toBe(0);
    expect(JSON.parse((await alice(['onboarding', 'show', '--json'])).stdout)).toMatchObject({ group: null });
  });

  it('lets a ConnectorAdministrator list, and refuses each change with 403 naming the console page and the command', async () => {
    expect((await runAs('bob', ['admins', 'list'])).status).toBe(0);
    const before = await listed();
    const refused = await runAs('bob', ['admins', 'add', 'CORP\\IT Ops', '--role', 'GlobalAdministrator', '--json']);
    const error = (JSON.parse(refused.stdout) as { error: { code: string; message: string } }).error;
    expect({ status: refused.status, code: error.code }).toEqual({ status: 2, code: 'GLOBAL_ADMINISTRATOR_REQUIRED' });
    expect(error.message).toMatch(/Administration page of RMS Connector Admin.*rms-connector-admin admins add/);
    const onboarding = await runAs('bob', ['onboarding', 'clear']);
    expect({ status: onboarding.status, code: onboarding.stderr.split(':')[1]?.trim() }).toEqual({ status: 2, code: 'GLOBAL_ADMINISTRATOR_REQUIRED' });
    expect(await listed()).toEqual(before);
  });

  it('shows the admins commands alone with --help', async () => {
    const help = await alice(['admins', '--help']);
    expect({ status: help.status, lines: help.stdout.split('\n').filter((line) => line.startsWith('  admins ')).length }).toEqual({ status: 0, lines: 3 });
  });
});
