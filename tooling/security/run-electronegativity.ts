import { cp, mkdir, readFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Finding, parseElectronegativityCsv } from './electronegativity-csv.ts';

const require = createRequire(import.meta.url);

/** The result of one scan: the findings read back from the CSV report, and files it could not parse. */
export type ScanResult = { readonly findings: readonly Finding[]; readonly unparsedFiles: readonly { file: string; message: string }[] };

/** The slice of Electronegativity's programmatic runner the gate uses (dist/runner.js). */
type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<{ issues: unknown[]; errors: { file: string; message: string; tolerable: boolean }[] }>;

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

async function readReport(reportPath: string, expectedFindings: number): Promise<Finding[]> {
  // The tool writes its CSV with unawaited fs callbacks; wait (up to 30 s: a loaded CI machine
  // was seen needing more than 5 s) until the file holds every finding.
  let lastError: unknown;
  for (let attempt = 0; attempt < 300; attempt += 1) {
    try {
      const findings = parseElectronegativityCsv(await readFile(reportPath, 'utf8'));
      if (findings.length === expectedFindings) return findings;
      lastError = new Error(`the report lists ${String(findings.length)} findings, the scan returned ${String(expectedFindings)}`);
    } catch (error) {
      lastError = error;
    }
    await sleep(100);
  }
  throw new Error(`Electronegativity's report ${reportPath} is incomplete: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}

/**
 * Scan a folder with Electronegativity 1.10 and read its CSV report back.
 *
 * Runs the tool's own runner in this process (its command line hides files it could not parse,
 * which would pass a window it never read), without network, assuming the pinned Electron.
 */
export async function scanWithElectronegativity(input: string, reportPath: string, electronVersion: string): Promise<ScanResult> {
  const packageDirectory = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  keepElectronegativityOffline(packageDirectory);
  const run = require(join(packageDirectory, 'dist', 'runner.js')) as Runner;
  const result = await run(
    {
      input,
      output: reportPath,
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
  const findings = await readReport(reportPath, result.issues.length);
  return { findings, unparsedFiles: result.errors.filter((error) => !error.tolerable).map(({ file, message }) => ({ file, message })) };
}
