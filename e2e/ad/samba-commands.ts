import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { domain } from './ad-layout.ts';
import type { AdLayout } from './ad-layout.ts';

const execFileAsync = promisify(execFile);

/**
 * Run a Samba tool against our own configuration and return its output.
 *
 * `SMB_CONF_PATH` keeps the tools (and the ldb modules they load) away from the Debian
 * package's /etc/samba/smb.conf; failures carry the tool's output tail for diagnosis.
 */
export async function runSambaTool(
  layout: AdLayout,
  command: string,
  parameters: readonly string[],
  timeoutMs = 120_000,
  configFile = layout.configFile,
): Promise<string> {
  try {
    const { stdout, stderr } = await execFileAsync(command, [...parameters], {
      env: { ...process.env, SMB_CONF_PATH: configFile },
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string; message?: string };
    const tail = lastLines(`${output.stdout ?? ''}${output.stderr ?? ''}`, 20);
    throw new Error(`${command} ${parameters[0] ?? ''} failed: ${output.message ?? ''}\n${tail}`, {
      cause: error,
    });
  }
}

/**
 * Provision a fresh domain into the (empty) state directory.
 *
 * Only LDAP, CLDAP, Kerberos, RPC and the internal DNS server run: file serving, NetBIOS and
 * replication are not needed for directory tests. DNS is, because domain-controller
 * discovery reads the `_ldap._tcp.dc._msdcs` SRV records this DC publishes on 127.0.0.1:53.
 */
export async function provisionDomain(layout: AdLayout): Promise<void> {
  const services = '-s3fs -nbt -wrepl -kcc -drepl -dnsupdate -winbindd -ntp_signd';
  await runSambaTool(
    layout,
    'samba-tool',
    [
      'domain',
      'provision',
      `--realm=${domain.realm}`,
      `--domain=${domain.netbiosDomain}`,
      '--server-role=dc',
      // Samba compresses SRV targets, which Node 24's c-ares rejects (EBADRESP); the directory
      // layer's discovery reads such answers itself. See README.md.
      '--dns-backend=SAMBA_INTERNAL',
      `--adminpass=${domain.administratorPassword}`,
      `--targetdir=${layout.directory}`,
      '--host-ip=127.0.0.1',
      `--host-name=${domain.hostName}`,
      '--option=interfaces=lo',
      '--option=bind interfaces only=yes',
      `--option=log file = ${layout.logFile}`,
      `--option=pid directory = ${layout.pidDirectory}`,
      `--option=server services = ${services}`,
      // As Active Directory does: a SASL bind (Kerberos) over TLS may choose no security layer,
      // because TLS already protects the connection. Samba's default ("yes") refuses it.
      '--option=ldap server require strong auth = allow_sasl_over_tls',
      // Our smb.conf does not exist yet; an empty one keeps the system config out of it.
    ],
    120_000,
    '/dev/null',
  );
}

/**
 * Start the daemonized samba master for this state directory.
 *
 * `samba` forks into the background and its launcher exits at once; readiness is checked
 * separately by binding over LDAPS.
 */
export async function startSamba(layout: AdLayout): Promise<void> {
  await runSambaTool(layout, 'samba', ['-s', layout.configFile], 30_000);
}

/**
 * The last lines of the samba log, for error messages.
 *
 * Startup failures (port in use, TLS problems) are only visible there.
 */
export async function sambaLogTail(layout: AdLayout, lineCount = 25): Promise<string> {
  const text = await readFile(layout.logFile, 'utf8').catch(() => '(no samba log yet)');
  return lastLines(text, lineCount);
}

function lastLines(text: string, lineCount: number): string {
  return text.trimEnd().split('\n').slice(-lineCount).join('\n');
}

/**
 * Publish the DC's address in its own DNS zone.
 *
 * Provisioning skips loopback addresses when it registers the DC's A record, so the SRV
 * records would name a host that does not resolve; discovery tests need both.
 */
export async function registerDcAddress(layout: AdLayout): Promise<string> {
  const zone = domain.dnsName;
  const host = domain.hostName.toLowerCase();
  await runSambaTool(layout, 'samba-tool', [
    'dns',
    'add',
    '127.0.0.1',
    zone,
    host,
    'A',
    '127.0.0.1',
    `--username=${domain.administrator}`,
    `--password=${domain.administratorPassword}`,
  ]);
  return `DNS: ${host}.${zone} A 127.0.0.1 registered`;
}
