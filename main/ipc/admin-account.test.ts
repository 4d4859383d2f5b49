import { describe, expect, it } from 'vitest';
import type { Directory } from '../../core/directory/index.ts';
import { adminAccountOf } from './admin-account.ts';

const SID = 'S-1-5-21-1-2-3-1105';

function directoryAnswering(objectBySid: Directory['objectBySid']): Pick<Directory, 'domain' | 'objectBySid'> {
  return {
    domain: { netbiosDomain: 'CORP' } as Directory['domain'],
    objectBySid,
  };
}

describe('adminAccountOf', () => {
  it('reads DOMAIN\\sam from the directory by the SID for a UPN the service named', async () => {
    const directory = directoryAnswering((sid) =>
      Promise.resolve(sid === SID ? ({ samAccountName: 'alice' } as Awaited<ReturnType<Directory['objectBySid']>>) : undefined),
    );
    expect(await adminAccountOf(directory, SID, 'alice@corp.contoso.test', new AbortController().signal)).toBe('CORP\\alice');
  });

  it('keeps a name already in DOMAIN\\sam form without asking the directory', async () => {
    const directory = directoryAnswering(() => Promise.reject(new Error('not asked')));
    expect(await adminAccountOf(directory, SID, 'CORP\\alice', new AbortController().signal)).toBe('CORP\\alice');
  });

  it.each([
    ['the account is not found', () => Promise.resolve(undefined)],
    ['the directory refuses the read', () => Promise.reject(new Error('insufficient access'))],
  ])('leaves it unknown when %s', async (_label, objectBySid) => {
    expect(await adminAccountOf(directoryAnswering(objectBySid), SID, 'alice@corp.contoso.test', new AbortController().signal)).toBeUndefined();
  });
});
