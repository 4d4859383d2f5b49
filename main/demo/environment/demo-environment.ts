import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { DemoEnvironment } from '../../ipc/console-ports.ts';
import type { StartDemoDirectory } from './demo-directory-port.ts';
import { startDemoService, type DemoService } from './demo-service.ts';

/** What {@link createDemoEnvironmentWith} needs: the folder, a log sink and how to start the directory. */
export type DemoEnvironmentDependencies = {
  /** The demo's own folder (its directory data, CA and the service's SQLite file live here). */
  readonly folder: string;
  /** One structured line per demo event (started, stopped, failed); never a password. */
  readonly log?: ((line: Record<string, unknown>) => void) | undefined;
  readonly startDirectory: StartDemoDirectory;
};

/**
 * The demo as one object: started on first use, shared by every later caller, closed once.
 *
 * Concurrent `start` calls share one start (a double click starts one directory and one
 * service). A caller that cancels stops waiting, but the start runs on so the next attempt
 * finds it ready; a start that failed is forgotten so the next attempt tries again.
 */
export function createDemoEnvironmentWith(dependencies: DemoEnvironmentDependencies): DemoEnvironment {
  const log = dependencies.log ?? (() => undefined);
  let starting: Promise<DemoService> | undefined;
  let closed = false;

  const startOnce = (): Promise<DemoService> => {
    starting ??= (async () => {
      const startedAt = performance.now();
      await mkdir(dependencies.folder, { recursive: true, mode: 0o700 });
      const directory = await dependencies.startDirectory({ folder: path.join(dependencies.folder, 'directory') });
      try {
        const service = await startDemoService({ folder: dependencies.folder, directory });
        log({ event: 'demo-started', durationMs: Math.round(performance.now() - startedAt), serviceUrl: service.signIn.serviceUrl });
        return service;
      } catch (error) {
        await directory.close().catch(() => undefined);
        throw error;
      }
    })().catch((error: unknown) => {
      starting = undefined;
      log({ event: 'demo-start-failed', error: error instanceof Error ? error.message : String(error) });
      throw error;
    });
    return starting;
  };

  return {
    async start(signal) {
      if (closed) throw new Error('The demo environment was closed. Restart the console to use it again.');
      signal.throwIfAborted();
      const service = await abortable(startOnce(), signal);
      return service.signIn;
    },
    async close() {
      closed = true;
      const running = starting;
      starting = undefined;
      if (running === undefined) return;
      const service = await running.catch(() => undefined);
      await service?.close();
      log({ event: 'demo-stopped' });
    },
  };
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason instanceof Error ? signal.reason : new Error('Cancelled.'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  });
}
