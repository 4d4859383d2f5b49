import { open } from 'node:fs/promises';
import type { HealthProgress } from '../contract/health.ts';
import { formatHealthReport, HealthInputError, LOAD_BALANCER_CHECKLIST, runDeploymentHealth, type HealthDependencies } from '../core/health/index.ts';
import { consoleFailure } from './console-failure.ts';
import { sessionHandler, type HandlerTable } from './handler-types.ts';

/** The largest CA file read: a PEM bundle of a few roots is a few kilobytes. */
const MAX_CA_FILE_BYTES = 1024 * 1024;

/** What the health handlers may replace in tests: the outside world of the checks. */
export type HealthHandlerOptions = { readonly dependencies?: HealthDependencies };

/**
 * Deployment health: run every check against the connector URL with the session's service
 * client (nodes, heartbeats, list), and report how far a run has got.
 *
 * Runs take up to a minute on a broken network, so `health:run` is cancellable and records
 * its progress under its operation id, which `health:progress` reads ("5 of 17: …").
 */
export function createHealthHandlers(options: HealthHandlerOptions = {}): Pick<HandlerTable, 'health:run' | 'health:progress'> {
  const progress = new Map<string, { total: number; finished: number; running: Map<string, string> }>();
  return {
    'health:run': sessionHandler(
      async (request, { session, signal }) => {
        const caPem = request.caFile === undefined ? undefined : await readCaFile(request.caFile);
        const state = { total: 0, finished: 0, running: new Map<string, string>() };
        progress.set(request.operationId, state);
        try {
          const report = await runDeploymentHealth(
            { connectorUrl: request.connectorUrl, caPem, proxyAddress: request.proxyUrl, service: session.client },
            {
              signal,
              ...(options.dependencies === undefined ? {} : { dependencies: options.dependencies }),
              onProgress(event) {
                state.total = event.total;
                state.finished = event.finished;
                if (event.kind === 'started') state.running.set(event.code, event.title);
                else state.running.delete(event.result.code);
              },
            },
          );
          return { ...report, results: [...report.results], loadBalancerChecklist: [...LOAD_BALANCER_CHECKLIST], text: formatHealthReport(report) };
        } catch (error) {
          if (error instanceof HealthInputError) throw consoleFailure('INVALID_HEALTH_INPUT', 'The connector URL cannot be checked', error.message);
          throw error;
        } finally {
          progress.delete(request.operationId);
        }
      },
      { cancellable: true },
    ),
    'health:progress': sessionHandler((request) => {
      const state = progress.get(request.operationId);
      const answer: HealthProgress = state === undefined ? null : { total: state.total, finished: state.finished, running: [...state.running.values()] };
      return Promise.resolve(answer);
    }),
  };
}

/**
 * Read the CA file the admin named: at most 1 MiB, and it must hold a PEM certificate.
 *
 * The file's content never goes back to the renderer; a refusal names the path and what to
 * export instead.
 */
async function readCaFile(file: string): Promise<string> {
  const refuse = (message: string) => consoleFailure('INVALID_CA_FILE', 'The CA file cannot be used', message);
  let text: string;
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_CA_FILE_BYTES) throw refuse(`${file} is larger than 1 MB; a CA certificate is a few kilobytes. Export only the root (and intermediate) certificates as Base-64 X.509.`);
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'ConsoleFailure') throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw refuse(`${file} could not be read (${code}). Type the full path of a PEM certificate file on this computer.`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) throw refuse(`${file} holds no PEM certificate. Export the CA certificate as Base-64 encoded X.509 (.cer) and name that file.`);
  return text;
}
