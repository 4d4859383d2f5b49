import { readFileSync } from 'node:fs';
import { USAGE } from './usage.ts';

/** Lines indented deeper than a command (two spaces) continue the entry above. */
const CONTINUATION_INDENT = 3;

/**
 * The `--help` text of one command: its entries from `USAGE`, and where the rest is.
 *
 * Cut from the one usage text, so a command's help cannot drift from the full list. `words`
 * are the positionals before `--help` (`servers add`, `check`); undefined when none match.
 */
export function usageFor(words: readonly string[]): string | undefined {
  for (let length = Math.min(words.length, 2); length >= 1; length -= 1) {
    const prefix = words.slice(0, length).join(' ');
    const entries = entriesOf(USAGE).filter((entry) => entry.startsWith(`  ${prefix} `) || entry === `  ${prefix}` || entry.startsWith(`  ${prefix}\n`));
    if (entries.length > 0)
      return `Usage: rms-connector-admin ${prefix} …\n\n${entries.join('\n')}\n\nConnection options, environment variables and exit codes: rms-connector-admin --help`;
  }
  return undefined;
}

/** Each command's lines: the line naming it and the deeper-indented lines that continue it. */
function entriesOf(usage: string): string[] {
  const entries: string[] = [];
  for (const line of usage.split('\n')) {
    const indent = line.length - line.trimStart().length;
    const last = entries.length - 1;
    if (indent >= CONTINUATION_INDENT && last >= 0) entries[last] = `${entries[last] ?? ''}\n${line}`;
    else entries.push(line);
  }
  return entries;
}

/** `--version`: the package's version, read once from package.json beside the sources. */
export function versionText(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return `rms-connector-admin ${typeof manifest.version === 'string' ? manifest.version : 'unknown'}`;
}
