import { describe, expect, it } from 'vitest';
import { entryOf } from './entry-of.ts';

describe('entryOf', () => {
  it('keeps the SID, the name and the role when a stored entry is judged', () => {
    const stored = {
      id: '0d9f3a52-4b8e-4c6f-9a59-2f3c1e7d6b10',
      sid: 'S-1-5-21-1-2-3-1107',
      name: 'CORP\\Exchange Servers',
      role: 'exchange',
      kind: 'group',
      addedBy: 'CORP\\alice',
      addedAt: '2026-01-02T03:04:05.000Z',
    } as const;
    expect(entryOf(stored)).toEqual({ sid: 'S-1-5-21-1-2-3-1107', name: 'CORP\\Exchange Servers', role: 'exchange' });
  });
});
