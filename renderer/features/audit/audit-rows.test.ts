import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../contract/index.ts';
import { filterAuditRecords, renderAuditCsv } from './audit-rows.ts';

function record(id: number, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id,
    at: '2026-05-03T10:00:00.000Z',
    actor: 'CORP\\alice',
    actorSid: null,
    source: 'console',
    node: 'RMSCON01',
    action: 'authorized-account.add',
    target: 'CORP\\Exchange Servers (exchange)',
    before: null,
    after: null,
    correlationId: `c${String(id)}`,
    ...overrides,
  };
}

describe('filterAuditRecords', () => {
  const records = [record(1), record(2, { actor: 'CORP\\bob', action: 'authorized-account.remove', target: 'CORP\\FS01$ (fci)', node: 'RMSCON02' })];

  it.each([
    ['a name, in any case', 'BOB', [2]],
    ['an action as the grid says it', 'server removed', [2]],
    ['a node', 'rmscon01', [1]],
    ['blank text', '  ', [1, 2]],
    ['text nothing holds', 'printer', []],
  ])('keeps the records matching %s', (_label, text, ids) => {
    expect(filterAuditRecords(records, text).map((kept) => kept.id)).toEqual(ids);
  });
});

describe('renderAuditCsv', () => {
  it('writes the grid columns with UTC instants, CRLF, and no cell a spreadsheet would run', () => {
    const csv = renderAuditCsv([record(1, { target: '=HYPERLINK("http://evil.example/")', actor: '+SUM(1,2)' })]);
    expect(csv).toBe(
      'When (UTC),Who,Action,Target,Node\r\n2026-05-03T10:00:00.000Z,"\'+SUM(1,2)",Server allowed,"\'=HYPERLINK(""http://evil.example/"")",RMSCON01\r\n',
    );
  });
});
