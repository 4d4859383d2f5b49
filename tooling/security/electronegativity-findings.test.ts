import { describe, expect, it } from 'vitest';
import { findingsFromIssues, isBlocking } from './electronegativity-findings.ts';

/** An issue as Electronegativity 1.10.3's runner answers it (fields the gate reads, and more). */
const issue = {
  file: 'window.ts',
  location: { line: 22, column: 9 },
  id: 'CONTEXT_ISOLATION_JS_CHECK',
  description: '(CONTEXT_ISOLATION_JS_CHECK) Review the use of the contextIsolation option',
  shortenedURL: 'https://github.com/doyensec/electronegativity/wiki/CONTEXT_ISOLATION_JS_CHECK',
  severity: { value: 3, name: 'HIGH', format: () => 'HIGH' },
  confidence: { value: 2, name: 'FIRM' },
  manualReview: false,
  sample: 'contextIsolation: false',
};

describe('findingsFromIssues', () => {
  it('reads what the gate needs from each issue, N/A and missing location included', () => {
    const global = { ...issue, file: 'N/A', location: {}, id: 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', severity: { name: 'MEDIUM' }, sample: undefined };
    expect(findingsFromIssues([issue, global])).toEqual([
      {
        check: 'CONTEXT_ISOLATION_JS_CHECK',
        severity: 'HIGH',
        confidence: 'FIRM',
        file: 'window.ts',
        line: 22,
        column: 9,
        sample: 'contextIsolation: false',
        description: issue.description,
      },
      {
        check: 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        severity: 'MEDIUM',
        confidence: 'FIRM',
        file: 'N/A',
        line: 0,
        column: 0,
        sample: 'N/A',
        description: issue.description,
      },
    ]);
  });

  it.each([
    ['an unknown severity', { ...issue, severity: { name: 'SEVERE' } }],
    ['no check id', { ...issue, id: '' }],
    ['no file', { ...issue, file: undefined }],
    ['not an object', 'CONTEXT_ISOLATION_JS_CHECK'],
  ])('refuses %s instead of reporting no findings', (_label, bad) => {
    expect(() => findingsFromIssues([issue, bad])).toThrow(/issue 2/);
  });

  it('blocks on anything above informational', () => {
    const severities = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
    const findings = findingsFromIssues(severities.map((name) => ({ ...issue, severity: { name } })));
    expect(findings.map(isBlocking)).toEqual([false, true, true, true]);
  });
});
