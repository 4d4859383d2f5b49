import { lookup } from 'node:dns/promises';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What ldapsearch needs to reach the test DC with certificate verification on. */
export type LdapsearchConnection = { readonly serverName: string; readonly caFile: string; readonly user: string; readonly password: string };

/** A prepared OpenLDAP ldapsearch: the command line for a search, and its environment. */
export type LdapsearchCommand = {
  /** `[file, ...arguments]` for one search; `parameters` follow the connection options (`-b`, `-s`, filter, attributes…). */
  argv(parameters: readonly string[]): string[];
  readonly env: NodeJS.ProcessEnv;
  /** How the DC's name is made to resolve to 127.0.0.1, for reports. */
  readonly hostNameHandling: string;
  dispose(): Promise<void>;
};

/**
 * Prepare ldapsearch against the test DC with verification on (LDAPTLS_REQCERT=demand).
 *
 * The DC's certificate names dc1.corp.contoso.test and libldap checks the URL's host against
 * it, with no option to expect another name; the DC listens on 127.0.0.1 only. When the name
 * does not resolve there, each ldapsearch runs in a private mount namespace where a copy of
 * /etc/hosts with that one line is bound over /etc/hosts (`unshare --mount`): the machine's own
 * file is never edited. The password goes through `-y` (a 0600 file), not argv.
 */
export async function prepareLdapsearch(connection: LdapsearchConnection): Promise<LdapsearchCommand> {
  const directory = await mkdtemp(path.join(tmpdir(), 'rmsadmin-ldapsearch-'));
  const passwordFile = path.join(directory, 'password');
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
  return {
    argv: (parameters) => [...prefix, 'ldapsearch', ...common, ...parameters],
    env: { ...process.env, LDAPTLS_CACERT: connection.caFile, LDAPTLS_REQCERT: 'demand' },
    hostNameHandling,
    dispose: () => rm(directory, { recursive: true, force: true }),
  };
}
