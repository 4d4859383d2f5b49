import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Attribute, Change } from 'ldapts';
import type { Client } from 'ldapts';
import type { AdConnection } from './ad-connection.ts';
import { domain } from './ad-layout.ts';
import type { AdLayout } from './ad-layout.ts';
import { rdn } from './dn-escape.ts';
import { sidToString, tryBind, withBoundClient } from './ldaps-client.ts';
import { toLdif } from './ldif.ts';
import { runSambaTool } from './samba-commands.ts';
import { buildSeedRecords, seededDn } from './seed-entries.ts';
import { containers, managedServiceAccount, seedPassword } from './seed-data.ts';

/** Failed binds needed to lock `bind.locked`; equals the domain lockout threshold. */
const lockoutThreshold = 10;

/**
 * Seed everything that can be written straight into sam.ldb while Samba is stopped.
 *
 * One local `ldbmodify` transaction goes through Samba's full module stack (SIDs, RIDs,
 * password hashes, linked attributes) but skips the network; see README.md for timings.
 */
export async function seedOffline(layout: AdLayout): Promise<void> {
  const ldifFile = path.join(layout.directory, 'seed.ldif');
  await writeFile(ldifFile, toLdif(buildSeedRecords()));
  // --nosync: a crash mid-seed leaves no ready marker, so the directory is rebuilt anyway.
  await runSambaTool(layout, 'ldbmodify', ['--nosync', '-H', layout.samDatabase, ldifFile]);
  await runSambaTool(layout, 'samba-tool', [
    'domain',
    'passwordsettings',
    'set',
    '-H',
    layout.samDatabase,
    `--account-lockout-threshold=${lockoutThreshold}`,
    // 0 = locked until an administrator unlocks, so the locked account stays locked.
    '--account-lockout-duration=0',
    '--reset-account-lockout-after=1',
  ]);
}

/**
 * Seed the parts that need a running DC and report what happened, one line per step.
 *
 * primaryGroupID needs the group's RID (known only after the add), lockout needs real failed
 * binds, and the managed service account is deliberately attempted over LDAP.
 */
export async function seedOnline(connection: AdConnection): Promise<string[]> {
  const report: string[] = [];
  await withBoundClient(connection, async (client) => {
    const groupDn = seededDn('Exchange Install Domain Servers');
    const { searchEntries } = await client.search(groupDn, {
      scope: 'base',
      attributes: ['objectSid'],
      explicitBufferAttributes: ['objectSid'],
    });
    const sid = searchEntries[0]?.['objectSid'];
    if (!Buffer.isBuffer(sid)) throw new Error(`No objectSid on ${groupDn}`);
    const rid = sidToString(sid).split('-').at(-1) ?? '';
    await client.modify(seededDn('EXCH03$'), [
      new Change({
        operation: 'replace',
        modification: new Attribute({ type: 'primaryGroupID', values: [rid] }),
      }),
    ]);
    report.push(`EXCH03 primaryGroupID set to ${rid} (Exchange Install Domain Servers)`);
    report.push(await addManagedServiceAccount(client));
  });
  report.push(await lockOutAccount(connection, `bind.locked@${domain.dnsName}`));
  return report;
}

async function addManagedServiceAccount(client: Client): Promise<string> {
  const dn = rdn('CN', managedServiceAccount.cn, containers.managedServiceAccounts);
  try {
    await client.add(dn, {
      objectClass: ['msDS-ManagedServiceAccount'],
      sAMAccountName: managedServiceAccount.account,
      userAccountControl: '4096',
      dNSHostName: `${managedServiceAccount.cn}.${domain.dnsName}`,
    });
    return `managed service account created: ${dn}`;
  } catch (error) {
    // Optional object: report instead of failing the whole seed.
    return `managed service account NOT created (${error instanceof Error ? error.message : String(error)})`;
  }
}

async function lockOutAccount(connection: AdConnection, user: string): Promise<string> {
  for (let attempt = 1; attempt <= lockoutThreshold; attempt += 1) {
    const error = await tryBind(connection, user, 'Not-The-Passw0rd!');
    if (error === undefined) throw new Error(`Bind as ${user} with a wrong password succeeded`);
  }
  const error = await tryBind(connection, user, seedPassword);
  if (error === undefined || !error.includes('data 775')) {
    throw new Error(`${user} is not locked out after ${lockoutThreshold} failures: ${error ?? 'bind succeeded'}`);
  }
  return `${user} locked out after ${lockoutThreshold} failed binds`;
}
