import { spawn } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AdConnection } from '../../e2e/ad/ad-connection.ts';

/** A prepared ldapsearch command line: run it with a base, scope, filter and attributes. */
export type LdapSearchTool = {
  /** Run one search; resolves to the number of entries printed. */
  count(base: string, scope: 'base' | 'sub', filter: string, attributes: readonly string[]): Promise<number>;
  /** How the server name is made to resolve, for the report. */
  readonly hostNameHandling: string;
  dispose(): Promise<void>;
};

const entryStart = Buffer.from('\ndn:');

/**
 * Prepare OpenLDAP's ldapsearch against the test DC with certificate verification on.
 *
 * The DC's certificate names dc1.corp.contoso.test (CN only, no SAN) and libldap checks the
 * URL's host against it, with no option to name a different expected host. So the URL must
 * use that name, and it must resolve to 127.0.0.1. If it does not, each ldapsearch runs in a
 * private mount namespace where a copy of /etc/hosts with that one line added is bound over
 * /etc/hosts: the machine's own file is never edited.
 */
export async function prepareLdapSearch(connection: AdConnection): Promise<LdapSearchTool> {
  const directory = await mkdtemp(path.join(tmpdir(), 'rmsadmin-bench-'));
  const passwordFile = path.join(directory, 'password');
  // -y sends the file's exact bytes, so no trailing newline; keeps the password off argv.
  await writeFile(passwordFile, connection.password, { mode: 0o600 });
  const resolvesLocally = await lookup(connection.serverName, { family: 4 }).then(
    (answer) => answer.address === '127.0.0.1',
    () => false,
  );
  let prefix: string[] = [];
  let hostNameHandling = `${connection.serverName} already resolves to 127.0.0.1`;
  if (!resolvesLocally) {
    const hostsFile = path.join(directory, 'hosts');
    await writeFile(hostsFile, `${await readFile('/etc/hosts', 'utf8')}\n127.0.0.1 ${connection.serverName}\n`);
    prefix = ['unshare', '--mount', 'sh', '-c', 'mount --bind "$0" /etc/hosts && exec "$@"', hostsFile];
    hostNameHandling = `private mount namespace with a hosts file naming ${connection.serverName} (unshare --mount)`;
  }
  const common = ['-LLL', '-o', 'ldif_wrap=no', '-x', '-H', `ldaps://${connection.serverName}:636`, '-D', connection.user, '-y', passwordFile];
  const environment = { ...process.env, LDAPTLS_CACERT: connection.caFile, LDAPTLS_REQCERT: 'demand' };
  return {
    hostNameHandling,
    count: (base, scope, filter, attributes) =>
      runCounting([...prefix, 'ldapsearch', ...common, '-b', base, '-s', scope, '-E', 'pr=1000/noprompt', filter, ...attributes], environment),
    dispose: () => rm(directory, { recursive: true, force: true }),
  };
}

/**
 * Spawn the command and count LDIF entries (lines starting `dn:`) as the output streams.
 *
 * Counting in the stream keeps memory flat and proves the anchor returned everything; the
 * scan is a Buffer indexOf, far cheaper than ldapsearch's own formatting.
 */
function runCounting(command: readonly string[], environment: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const [file = 'ldapsearch', ...args] = command;
    const child = spawn(file, args, { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let entries = 0;
    let carry = Buffer.from('\n');
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const window = Buffer.concat([carry, chunk]);
      for (let at = window.indexOf(entryStart); at !== -1; at = window.indexOf(entryStart, at + 1)) entries += 1;
      carry = window.subarray(Math.max(0, window.length - (entryStart.length - 1)));
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(entries);
      else reject(new Error(`ldapsearch exited with ${code ?? 'a signal'}: ${errors.trim()}`));
    });
  });
}
