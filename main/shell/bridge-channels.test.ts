import { describe, expect, it } from 'vitest';
import { ipcContract } from '../../contract/ipc.ts';
import { BRIDGE_CHANNELS } from './bridge-channels.ts';

describe('BRIDGE_CHANNELS', () => {
  it('lists exactly the channels of the IPC contract, in order', () => {
    expect(BRIDGE_CHANNELS).toEqual(Object.keys(ipcContract));
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(BRIDGE_CHANNELS)).toBe(true);
  });
});
