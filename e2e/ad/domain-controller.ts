import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AdConnection } from './ad-connection.ts';
import { adLayout, domain, seedVersion } from './ad-layout.ts';
import type { AdLayout } from './ad-layout.ts';
import { tryBind, waitForLdaps } from './ldaps-client.ts';
import { provisionDomain, registerDcAddress, sambaLogTail, startSamba } from './samba-commands.ts';
import { delay, directoryPortsInUse, ownSambaProcesses, portHolders, terminateProcesses } from './samba-processes.ts';
import { seedKerberos } from './kerberos-realm.ts';
import { seedOffline, seedOnline } from './seed-scenario.ts';
import { verifySeed } from './seed-verify.ts';
import { withStateLock } from './state-lock.ts';

/**
 * Options for `ensureDomainController`.
 *
 * `log` receives human-readable progress lines; the CLI sends them to stderr.
 */
export type EnsureOptions = { log?: (line: string) => void };

type ReadyMarker = { seedVersion: string; seededAt: string; timingsMs: Record<string, number> };

const readyTimeoutMs = 60_000;

/**
 * Make sure a seeded test DC is running and return how to connect to it.
 *
 * Reuses a running, fully seeded DC in well under a second, restarts a stopped one, and
 * wipes and rebuilds anything half provisioned or seeded by an older scenario version.
 */
export async function ensureDomainController(options: EnsureOptions = {}): Promise<AdConnection> {
  const log = options.log ?? (() => undefined);
  const layout = adLayout();
  const connection = connectionFor(layout);
  await mkdir(path.dirname(layout.directory), { recursive: true });
  return withStateLock(layout.lockFile, async () => {
    const marker = await readMarker(layout);
    if (marker?.seedVersion === seedVersion) {
      // Our own processes must be up too: an identical copy of the DC run from another
      // directory would answer the bind but would not be stopped by ad:down.
      const running = (await ownSambaProcesses(layout.pidFile, layout.configFile)).length > 0;
      const bindError = running ? await tryBind(connection, connection.user, connection.password) : 'not running';
      if (bindError === undefined) {
        log(`Reusing running domain controller in ${layout.directory}`);
        return connection;
      }
      log('Seeded domain controller found but not answering; starting it');
      const started = Date.now();
      await stopOwnSamba(layout);
      await startAndWait(layout, connection, log);
      log(`Started in ${Date.now() - started} ms`);
      return connection;
    }
    log(marker === undefined ? 'No ready domain controller; building one' : 'Seed version changed; rebuilding');
    await rebuild(layout, connection, log);
    return connection;
  });
}

/**
 * Stop the test DC started from the state directory, leaving its data in place.
 *
 * A later `ensureDomainController` restarts it without reseeding.
 */
export async function stopDomainController(): Promise<void> {
  const layout = adLayout();
  await stopOwnSamba(layout);
}

function connectionFor(layout: AdLayout): AdConnection {
  return {
    url: domain.ldapsUrl,
    caFile: layout.caFile,
    serverName: domain.serverName,
    user: domain.administrator,
    password: domain.administratorPassword,
    baseDn: domain.baseDn,
    netbiosDomain: domain.netbiosDomain,
    dnsServer: '127.0.0.1',
  };
}

async function rebuild(layout: AdLayout, connection: AdConnection, log: (line: string) => void) {
  const timingsMs: Record<string, number> = {};
  const timed = async (step: string, work: () => Promise<unknown>) => {
    const started = Date.now();
    log(`${step}…`);
    await work();
    timingsMs[step] = Date.now() - started;
    log(`${step} done in ${timingsMs[step]} ms`);
  };
  await stopOwnSamba(layout);
  // Fail fast on a foreign port holder instead of after a 20 s provision and seed.
  await clearPorts(layout, log);
  await wipe(layout);
  await timed('provision', () => provisionDomain(layout));
  await timed('seed offline', () => seedOffline(layout));
  await timed('kerberos', async () => {
    for (const line of await seedKerberos(layout)) log(`  ${line}`);
  });
  await timed('start', () => startAndWait(layout, connection, log));
  await timed('seed online', async () => {
    for (const line of await seedOnline(connection)) log(`  ${line}`);
    log(`  ${await registerDcAddress(layout)}`);
  });
  await timed('verify', async () => {
    for (const line of await verifySeed(connection)) log(`  ✓ ${line}`);
  });
  const marker: ReadyMarker = { seedVersion, seededAt: new Date().toISOString(), timingsMs };
  await writeFile(layout.readyFile, `${JSON.stringify(marker, null, 2)}\n`);
}

async function startAndWait(layout: AdLayout, connection: AdConnection, log: (line: string) => void): Promise<void> {
  await clearPorts(layout, log);
  await startSamba(layout).catch(async (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\nTail of ${layout.logFile}:\n${await sambaLogTail(layout)}`, { cause: error });
  });
  const lastError = await waitForLdaps(connection, readyTimeoutMs);
  if (lastError !== undefined) {
    throw new Error(
      `Samba did not answer LDAPS binds within ${readyTimeoutMs / 1000} s (last error: ${lastError}).\n` +
        `Tail of ${layout.logFile}:\n${await sambaLogTail(layout)}`,
    );
  }
}

async function stopOwnSamba(layout: AdLayout): Promise<void> {
  await terminateProcesses(await ownSambaProcesses(layout.pidFile, layout.configFile));
}

async function clearPorts(layout: AdLayout, log: (line: string) => void): Promise<void> {
  const own = await ownSambaProcesses(layout.pidFile, layout.configFile);
  const { straySamba, foreign } = await portHolders(own);
  if (foreign.length > 0) {
    throw new Error(`Ports 389/636 are held by non-Samba processes: ${foreign.join(', ')}`);
  }
  if (straySamba.length > 0) {
    log(`Stopping ${straySamba.length} stray Samba processes holding 389/636: ${straySamba.join(' ')}`);
    await terminateProcesses(straySamba);
  }
  const deadline = Date.now() + 10_000;
  while (await directoryPortsInUse()) {
    if (Date.now() > deadline) throw new Error('Ports 389/636 are still in use after stopping Samba');
    await delay(100);
  }
}

async function wipe(layout: AdLayout): Promise<void> {
  const entries = await readdir(layout.directory).catch(() => []);
  const ours = await stat(layout.sentinelFile).then(
    () => true,
    () => false,
  );
  // A Samba process being stopped may recreate its messaging sockets in its old state
  // directory; those two alone do not make the directory someone else's.
  const foreign = entries.filter((entry) => entry !== 'msg.lock' && entry !== 'msg.sock');
  if (foreign.length > 0 && !ours) {
    // Never delete a directory we did not create (RMSADMIN_AD_DIR could point anywhere).
    throw new Error(`${layout.directory} is not empty and lacks ${path.basename(layout.sentinelFile)}`);
  }
  await rm(layout.directory, { recursive: true, force: true });
  for (const directory of [layout.directory, layout.logDirectory, layout.pidDirectory]) {
    await mkdir(directory, { recursive: true });
  }
  await writeFile(layout.sentinelFile, 'State directory of the rmsadmin test domain controller.\n');
}

async function readMarker(layout: AdLayout): Promise<ReadyMarker | undefined> {
  try {
    const marker = JSON.parse(await readFile(layout.readyFile, 'utf8')) as Partial<ReadyMarker>;
    await stat(layout.samDatabase);
    return typeof marker.seedVersion === 'string' ? (marker as ReadyMarker) : undefined;
  } catch {
    return undefined;
  }
}
