import { describe, expect, it } from 'vitest';
import { colourStatuses, fitToWidth, outputStyleOf, present } from './terminal-output.ts';

describe('terminal-output', () => {
  it.each([
    ['a terminal', { isTerminal: true, columns: 80, env: {} }, false, { colour: true, columns: 80 }],
    ['a terminal with NO_COLOR', { isTerminal: true, columns: 80, env: { NO_COLOR: '1' } }, false, { colour: false, columns: 80 }],
    ['a terminal with an empty NO_COLOR', { isTerminal: true, columns: 80, env: { NO_COLOR: '' } }, false, { colour: true, columns: 80 }],
    ['a terminal that reports no width', { isTerminal: true, columns: undefined, env: {} }, false, { colour: true, columns: 100 }],
    ['a pipe', { isTerminal: false, columns: undefined, env: {} }, false, { colour: false, columns: undefined }],
    ['--json at a terminal', { isTerminal: true, columns: 80, env: {} }, true, { colour: false, columns: undefined }],
  ])('styles output for %s', (_label, stdout, json, expected) => {
    expect(outputStyleOf(stdout, json)).toEqual(expected);
  });

  it('cuts a table row with "…" and wraps prose under its indent', () => {
    const text = ['Account   Type  SID', 'CORP\\a-very-long-account-name  user  S-1-5-21-1-2-3-4', '    one two three four five six'].join('\n');
    expect(fitToWidth(text, 20)).toEqual(['Account   Type  SID', 'CORP\\a-very-long-ac…', '    one two three', '    four five six'].join('\n'));
  });

  it('wraps a health label line under its text', () => {
    expect(fitToWidth('[SKIP] 6 checks need sign-in first', 20)).toEqual('[SKIP] 6 checks need\n       sign-in first');
  });

  it('colours pass, warn, fail and skip labels, the result line and the findings headings', () => {
    expect(colourStatuses('[PASS] A\n[WARN] B\n[FAIL] C\n[SKIP] D\nResult: FAIL - 1 failed\nErrors (these block saving):\nnot [FAIL] here')).toEqual(
      [
        '\u001b[32m[PASS]\u001b[0m A',
        '\u001b[33m[WARN]\u001b[0m B',
        '\u001b[31m[FAIL]\u001b[0m C',
        '\u001b[2m[SKIP]\u001b[0m D',
        '\u001b[31mResult: FAIL\u001b[0m - 1 failed',
        '\u001b[31mErrors (these block saving):\u001b[0m',
        'not [FAIL] here',
      ].join('\n'),
    );
  });

  it('leaves text untouched for a pipe', () => {
    const text = `[FAIL] ${'x '.repeat(200)}`;
    expect(present(text, { colour: false, columns: undefined })).toBe(text);
  });
});
