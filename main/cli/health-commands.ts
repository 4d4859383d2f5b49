import { parseConnectorUrl, runDeploymentHealth, HealthInputError, type HealthReport, type HealthService } from '../../core/health/index.ts';
import { readCaFileOption } from './ca-file-option.ts';
import { formatHealthForCli } from './format-health.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { CommandResult } from './directory-commands.ts';
import type { CommandResources, CommandRun } from './run-cli.ts';

/** The flags `health` reads. */
export type HealthFlags = {
  readonly 'connector-url'?: string | undefined;
  readonly 'ca-file'?: string | undefined;
  readonly proxy?: string | undefined;
  readonly 'tenant-url'?: string | undefined;
  readonly json?: boolean | undefined;
};

/** Where `health` writes progress: stderr, when it is a terminal and the output is not JSON. */
export type HealthProgressSink = ((line: string) => void) | undefined;

/** Service errors that mean "not signed in" rather than a broken deployment. */
const SESSION_CODES = new Set(['NOT_SIGNED_IN', 'SESSION_EXPIRED', 'SESSION_UNSAFE']);

/**
 * Check the `health` command line and read the CA file before anything connects.
 *
 * `--proxy` here is the connectors' `ProxyAddress` to check, not a proxy for this tool (the
 * signed-in session keeps its own). Exit code 1 when a check fails, 0 with warnings only.
 */
export async function healthCommandFor(operands: readonly string[], flags: HealthFlags, progress: HealthProgressSink): Promise<CommandRun> {
  if (operands.length > 0) throw new CliError('USAGE', `health takes no operands; remove "${operands.join(' ')}".`);
  const connectorUrl = flags['connector-url'];
  if (connectorUrl === undefined)
    throw new CliError('USAGE', 'health needs --connector-url, the load-balanced URL servers are configured with (https://rmsconnector.contoso.com).');
  try {
    parseConnectorUrl(connectorUrl);
  } catch (error) {
    if (error instanceof HealthInputError) throw new CliError('USAGE', error.message);
    throw error;
  }
  const caPem = flags['ca-file'] === undefined ? undefined : await readCaFileOption(flags['ca-file']);
  return async (resources) => {
    const service = await openService(resources);
    const report = await runDeploymentHealth(
      { connectorUrl, caPem, proxyAddress: flags.proxy, tenantUrl: flags['tenant-url'], ...service },
      {
        onProgress: progress
          ? (event) => {
              if (event.kind === 'started') progress(`\r[${String(event.finished)}/${String(event.total)}] ${event.title}…`.padEnd(80));
              else if (event.finished === event.total) progress(`\r${''.padEnd(80)}\r`);
            }
          : undefined,
      },
    );
    return healthResult(report, 'serviceUnavailableReason' in service ? service.serviceUnavailableReason : undefined);
  };
}

/** The report as the command prints it (worst first, sign-in waits on one line), with its exit code. */
export function healthResult(report: HealthReport, signInReason?: string): CommandResult {
  return { human: formatHealthForCli(report, signInReason), json: report, exitCode: report.summary.fail > 0 ? EXIT.blocked : EXIT.ok };
}

async function openService(resources: CommandResources): Promise<{ service: HealthService } | { serviceUnavailableReason: string }> {
  try {
    return { service: await resources.service() };
  } catch (error) {
    if (error instanceof CliError && SESSION_CODES.has(error.code)) return { serviceUnavailableReason: `Sign in first: ${error.message}` };
    throw error;
  }
}
