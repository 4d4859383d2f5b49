import { spawn } from 'node:child_process';
import { prepareLdapsearch } from '../../core/directory/testing/ldapsearch-command.ts';
import type { AdConnection } from '../../e2e/ad/ad-connection.ts';

/** One entry of ldapsearch's LDIF: its DN and each attribute's values as bytes (`::` values decoded from base64). */
export type LdifEntry = { readonly dn: string; readonly attributes: ReadonlyMap<string, readonly Buffer[]> };

/** A prepared ldapsearch command line: run it with a base, scope, filter and attributes. */
export type LdapSearchTool = {
  /** Run one search; resolves to the number of entries printed. */
  count(base: string, scope: 'base' | 'sub', filter: string, attributes: readonly string[]): Promise<number>;
  /** Run one search without paging (as a script reading a few entries would) and parse what it printed. */
  entries(base: string, scope: 'base' | 'sub', filter: string, attributes: readonly string[]): Promise<LdifEntry[]>;
  /** How the server name is made to resolve, for the report. */
  readonly hostNameHandling: string;
  dispose(): Promise<void>;
};

const entryStart = Buffer.from('\ndn:');

/** OpenLDAP's ldapsearch against the test DC, verification on (see prepareLdapsearch), counting entries. */
export async function prepareLdapSearch(connection: AdConnection): Promise<LdapSearchTool> {
  const ldapsearch = await prepareLdapsearch(connection);
  return {
    hostNameHandling: ldapsearch.hostNameHandling,
    count: (base, scope, filter, attributes) =>
      runCounting(ldapsearch.argv(['-b', base, '-s', scope, '-E', 'pr=1000/noprompt', filter, ...attributes]), ldapsearch.env),
    entries: async (base, scope, filter, attributes) =>
      parseLdif(await runCollecting(ldapsearch.argv(['-b', base, '-s', scope, filter, ...attributes]), ldapsearch.env)),
    dispose: () => ldapsearch.dispose(),
  };
}

/**
 * Parse `-LLL -o ldif_wrap=no` output: one `name: value` or `name:: base64` line per value,
 * entries separated by blank lines; attribute names lower-cased.
 */
export function parseLdif(text: string): LdifEntry[] {
  const entries: LdifEntry[] = [];
  for (const block of text.split(/\n\n+/)) {
    let dn: string | undefined;
    const attributes = new Map<string, Buffer[]>();
    for (const line of block.split('\n')) {
      const match = /^([^:]+)(::?) ?(.*)$/.exec(line);
      if (match === null) continue;
      const [, name = '', separator, raw = ''] = match;
      const value = separator === '::' ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
      if (name.toLowerCase() === 'dn') dn = value.toString('utf8');
      else attributes.set(name.toLowerCase(), [...(attributes.get(name.toLowerCase()) ?? []), value]);
    }
    if (dn !== undefined) entries.push({ dn, attributes });
  }
  return entries;
}

function runCollecting(command: readonly string[], environment: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const [file = 'ldapsearch', ...args] = command;
    const child = spawn(file, args, { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(output).toString('utf8'));
      else reject(new Error(`ldapsearch exited with ${code ?? 'a signal'}: ${errors.trim()}`));
    });
  });
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
