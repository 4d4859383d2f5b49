import { flipFuses, FuseState, getCurrentFuseWire } from '@electron/fuses';
import { type BuildFlavour, describeFuses, fuseConfiguration } from './fuse-configuration.ts';

/**
 * Burn the flavour's fuses into an Electron executable, then read them back.
 *
 * Reading back turns a silent no-op (a fuse marked removed, a wire shorter than expected)
 * into a packaging failure that names the fuse, instead of a release that is not hardened.
 */
export async function applyFuses(executable: string, flavour: BuildFlavour): Promise<Record<string, boolean>> {
  const config = fuseConfiguration(flavour);
  await flipFuses(executable, config);
  const wanted = describeFuses(config);
  const actual = await readFuses(executable);
  const wrong = Object.keys(wanted).filter((fuse) => actual[fuse] !== wanted[fuse]);
  if (wrong.length > 0) throw new Error(`fuses not set as configured in ${executable}: ${wrong.join(', ')}`);
  return actual;
}

/** The fuses of an Electron executable as `{ fuseName: on/off }` (removed fuses left out). */
export async function readFuses(executable: string): Promise<Record<string, boolean>> {
  const wire = await getCurrentFuseWire(executable);
  const states: Record<string, boolean> = {};
  for (const [key, state] of Object.entries(wire)) {
    if (key === 'version' || (state !== FuseState.ENABLE && state !== FuseState.DISABLE)) continue;
    Object.assign(states, describeFuses({ version: wire.version, [Number(key)]: state === FuseState.ENABLE }));
  }
  return states;
}
