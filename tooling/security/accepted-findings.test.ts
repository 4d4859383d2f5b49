import { describe, expect, it } from 'vitest';
import { acceptanceOf } from './accepted-findings.ts';
import type { Finding } from './electronegativity-findings.ts';

const REVIEWED_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; object-src 'none'; base-uri 'none'";

function cspFinding(sample: string, file = 'renderer/index.html'): Finding {
  return {
    check: 'CSP_GLOBAL_CHECK',
    severity: 'LOW',
    confidence: 'FIRM',
    file,
    line: 5,
    column: 0,
    sample,
    description: 'One or more CSP directives detected seems to be vulnerable',
  };
}

describe('accepted Electronegativity findings', () => {
  it('accepts the reviewed page policy', () => {
    expect(acceptanceOf(cspFinding(REVIEWED_POLICY))?.reason).toMatch(/app:\/\/console/);
  });

  it.each([
    ['an unsafe-inline script source', REVIEWED_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")],
    ['a wildcard', REVIEWED_POLICY.replace("default-src 'none'", 'default-src *')],
    ['a network scheme', REVIEWED_POLICY.replace("script-src 'self'", "script-src 'self' https:")],
    ['a missing object-src', REVIEWED_POLICY.replace("; object-src 'none'", '')],
  ])('reviews again a policy with %s', (_label, sample) => {
    expect(acceptanceOf(cspFinding(sample))).toBeUndefined();
  });

  it('does not accept the same finding in another file or for another check', () => {
    expect(acceptanceOf(cspFinding(REVIEWED_POLICY, 'main/shell/other.html'))).toBeUndefined();
    expect(acceptanceOf({ ...cspFinding(REVIEWED_POLICY), check: 'CSP_HTML_CHECK' })).toBeUndefined();
  });
});
