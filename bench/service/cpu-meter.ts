import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { adLayout } from '../../e2e/ad/ad-layout.ts';
import { ownSambaProcesses } from '../../e2e/ad/samba-processes.ts';
import { absoluteNow, type LoadWindow } from './load.ts';

/** CPU time used so far, in milliseconds: Samba's processes, and this whole process. */
export type CpuReading = { readonly samba: number; readonly process: number };

/** Reads the CPU time of the test DC's processes and of this process. */
export type CpuMeter = { read(): Promise<CpuReading> };

/** Linux reports /proc times in USER_HZ ticks, which the ABI fixes at 100 per second. */
const millisecondsPerTick = 10;

/**
 * Find the test DC's Samba processes once and read their CPU time on demand.
 *
 * Samba, the node and the load generator share the machine's cores, so CPU time per request
 * says more than wall time about what each side costs: a directory look-up that keeps Samba
 * busy is time the node's own thread cannot run. "process" is this process as a whole (the
 * servers on the main thread and the clients in their worker).
 */
export async function createCpuMeter(): Promise<CpuMeter> {
  const layout = adLayout();
  const pids = await ownSambaProcesses(layout.pidFile, layout.configFile);
  return {
    async read() {
      const ticks = await Promise.all(pids.map(ticksOf));
      const usage = process.cpuUsage();
      return { samba: ticks.reduce((sum, value) => sum + value, 0) * millisecondsPerTick, process: (usage.user + usage.system) / 1_000 };
    },
  };
}

/**
 * Read the meter at the edges of a load run's measured window, once the window is known.
 *
 * Pass `onWindow` to runLoad; `used()` then resolves to the CPU time spent inside the
 * window, the same five seconds the request counts come from.
 */
export function cpuDuring(meter: CpuMeter): { onWindow: (window: LoadWindow) => void; used: () => Promise<CpuReading> } {
  let used: Promise<CpuReading> = Promise.resolve({ samba: Number.NaN, process: Number.NaN });
  const onWindow = (window: LoadWindow) => {
    used = (async () => {
      await delay(Math.max(0, window.start - absoluteNow()));
      const first = await meter.read();
      await delay(Math.max(0, window.end - absoluteNow()));
      const last = await meter.read();
      return { samba: last.samba - first.samba, process: last.process - first.process };
    })();
  };
  return { onWindow, used: () => used };
}

/** User plus system ticks of one process; 0 once it has gone (a Samba child may exit). */
async function ticksOf(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state is the first, utime the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}
