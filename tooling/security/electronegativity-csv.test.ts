import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { isBlocking, parseElectronegativityCsv } from './electronegativity-csv.ts';

/** A report captured from a real Electronegativity 1.10.3 run over an insecure sample window. */
const captured = new URL('../fixtures/electronegativity/insecure-window.csv', import.meta.url);

describe('parseElectronegativityCsv', () => {
  it('reads every finding of a real report, quotes, N/A fields and all', async () => {
    const findings = parseElectronegativityCsv(await readFile(captured, 'utf8'));
    expect(findings.map((finding) => `${finding.severity} ${finding.check} ${finding.file}:${String(finding.line)}`)).toEqual([
      'LOW CSP_GLOBAL_CHECK index.html:5',
      'MEDIUM PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK N/A:0',
      'INFORMATIONAL NODE_INTEGRATION_JS_CHECK window.ts:22',
      'MEDIUM AUXCLICK_JS_CHECK window.ts:4',
      'MEDIUM PRELOAD_JS_CHECK window.ts:11',
      'MEDIUM AUXCLICK_JS_CHECK window.ts:22',
      'HIGH CONTEXT_ISOLATION_JS_CHECK window.ts:22',
      'MEDIUM INSECURE_CONTENT_JS_CHECK window.ts:22',
      'MEDIUM SANDBOX_JS_CHECK window.ts:22',
      'MEDIUM WEB_SECURITY_JS_CHECK window.ts:22',
    ]);
    expect(findings[0]?.sample).toContain("script-src 'self'");
    expect(findings.filter(isBlocking)).toHaveLength(9);
  });

  it('reads a doubled quote inside a field as one quote', () => {
    const text = 'issue, severity, confidence, filename, location, sample, description, url\nX_JS_CHECK,"LOW","FIRM","a.ts","1:2","say ""hi"", then","desc",https://example.invalid\n';
    expect(parseElectronegativityCsv(text)[0]?.sample).toBe('say "hi", then');
  });

  it.each([
    ['an empty file', ''],
    ['a file without the header', 'X_JS_CHECK,"LOW","FIRM","a.ts","1:2","s","d",u\n'],
    ['a truncated row', 'issue, severity, confidence, filename, location, sample, description, url\nX_JS_CHECK,"LOW","FIRM"\n'],
    ['a row cut inside a quote', 'issue, severity, confidence, filename, location, sample, description, url\nX_JS_CHECK,"LOW","FIRM","a.ts","1:2","sam'],
    ['an unknown severity', 'issue, severity, confidence, filename, location, sample, description, url\nX_JS_CHECK,"SEVERE","FIRM","a.ts","1:2","s","d",u\n'],
  ])('refuses %s instead of reporting no findings', (_label, text) => {
    expect(() => parseElectronegativityCsv(text)).toThrow();
  });
});
