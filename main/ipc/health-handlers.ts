import type { HealthProgress } from '../../contract/health.ts';
import { formatHealthReport, HealthInputError, LOAD_BALANCER_CHECKLIST, runDeploymentHealth, type HealthDependencies } from '../../core/health/index.ts';
import type { CaFileRegistry } from './ca-file-registry.ts';
import { consoleFailure } from './console-failure.ts';
import { sessionHandler, type HandlerTable } from './handler-types.ts';

/**
 * What the health handlers need: the CA files main holds, and (in tests) the checks' outside world.
 */
export type HealthHandlerOptions = { readonly caFiles: CaFileRegistry; readonly dependencies?: HealthDependencies };

/**
 * Deployment health: run every check against the connector URL with the session's service
 * client (nodes, heartbeats, list), and report how far a run has got.
 *
 * Runs take up to a minute on a broken network, so `health:run` is cancellable and records
 * its progress under its operation id, which `health:progress` reads ("5 of 17: …").
 */
export function createHealthHandlers(options: HealthHandlerOptions): Pick<HandlerTable, 'health:run' | 'health:progress'> {
  const progress = new Map<string, { total: number; finished: number; running: Map<string, string> }>();
  return {
    'health:run': sessionHandler(
      async (request, { session, signal }) => {
        const caPem = request.caFileId === undefined ? undefined : await options.caFiles.pem(request.caFileId, signal);
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
