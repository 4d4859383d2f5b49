import { cp, mkdir } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findingsFromIssues, type Finding } from './electronegativity-findings.ts';

const require = createRequire(import.meta.url);

/** The result of one scan: the findings, and the files it could not parse. */
export type ScanResult = { readonly findings: readonly Finding[]; readonly unparsedFiles: readonly { file: string; message: string }[] };

/** The slice of Electronegativity's programmatic runner the gate uses (dist/runner.js). */
type Runner = (
  options: Record<string, unknown>,
  forCli: boolean,
) => Promise<{ issues: unknown[]; errors: { file: string; message: string; tolerable: boolean }[] }>;

/**
 * Make Electronegativity's HTTP client fail at once, in this process.
 *
 * The tool fetches translations from GitHub on every run; offline, its HTTP client's retry
 * crashes the process from a timer ("onCancel handler was attached after the promise
 * settled"), sometimes before the report is written. The gate must give the same answer with or
 * without a network, so the client is replaced before the tool loads it. The one check that
 * needs the network (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, which lists newer Electron
 * releases) is excluded; the pinned Electron version is reviewed with each upgrade instead.
 */
function keepElectronegativityOffline(packageDirectory: string): void {
  const httpClient = require.resolve('got', { paths: [packageDirectory] });
  const stub = new Module(httpClient);
  stub.filename = httpClient;
  stub.loaded = true;
  stub.exports = () => Promise.reject(new Error('network use is disabled in the Electronegativity gate'));
  require.cache[httpClient] = stub;
}

/** Copy the scanned files into one folder, keeping their repository-relative paths. */
export async function stageSources(repositoryRoot: string, files: readonly string[], target: string): Promise<void> {
  for (const file of files) {
    await mkdir(dirname(join(target, file)), { recursive: true });
    await cp(join(repositoryRoot, file), join(target, file));
  }
}

/**
 * Scan a folder with Electronegativity 1.10 and take its findings from the runner's answer.
 *
 * Runs the tool's own runner in this process (its command line hides files it could not parse,
 * which would pass a window it never read), without network, assuming the pinned Electron. No
 * report file: the tool writes its CSV header and rows with two unawaited `writeFile` calls
 * that race, so the file sometimes ends truncated or holds the header alone (seen in CI); the
 * runner returns the same issues in memory.
 */
export async function scanWithElectronegativity(input: string, electronVersion: string): Promise<ScanResult> {
  const packageDirectory = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  keepElectronegativityOffline(packageDirectory);
  const run = require(join(packageDirectory, 'dist', 'runner.js')) as Runner;
  const result = await run(
    {
      input,
      isSarif: false,
      customScan: [],
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      isRelative: true,
      isVerbose: true,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
  const findings = findingsFromIssues(result.issues);
  return { findings, unparsedFiles: result.errors.filter((error) => !error.tolerable).map(({ file, message }) => ({ file, message })) };
}
