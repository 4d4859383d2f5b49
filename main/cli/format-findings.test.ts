import { describe, expect, it } from 'vitest';
import type { Finding } from '../../contract/policy.ts';
import { acknowledgeHint, formatFindings } from './format-findings.ts';

const finding = (code: Finding['code'], severity: Finding['severity']): Finding => ({ code, severity, message: `About ${code}.`, accounts: [] });

describe('format-findings', () => {
  it('prints each code with its title, then its message', () => {
    expect(formatFindings([finding('SUPER_USER_GRANT', 'warning'), finding('GROUP_SHARES_CERTIFICATES', 'info')])).toEqual(
      [
        'Warnings (acknowledge each code before saving):',
        '  SUPER_USER_GRANT: Members become super users',
        '    About SUPER_USER_GRANT.',
        '',
        'Information:',
        '  GROUP_SHARES_CERTIFICATES: Servers in a group share certificates',
        '    About GROUP_SHARES_CERTIFICATES.',
      ].join('\n'),
    );
  });

  it.each([
    [
      'warnings only, a name with a backslash and a space',
      [finding('SUPER_USER_GRANT', 'warning'), finding('EMPTY_GROUP', 'warning'), finding('SUPER_USER_GRANT', 'warning')],
      'CORP\\Exchange Servers',
      "To add it after reading each warning: rms-connector-admin servers add --role exchange 'CORP\\Exchange Servers' --acknowledge SUPER_USER_GRANT --acknowledge EMPTY_GROUP",
    ],
    [
      'a plain name',
      [finding('ACCOUNT_DISABLED', 'warning')],
      'EX01$',
      'To add it after reading each warning: rms-connector-admin servers add --role exchange EX01$ --acknowledge ACCOUNT_DISABLED',
    ],
    [
      'a name with a quote',
      [finding('ACCOUNT_DISABLED', 'warning')],
      "O'Brien",
      "To add it after reading each warning: rms-connector-admin servers add --role exchange 'O'\\''Brien' --acknowledge ACCOUNT_DISABLED",
    ],
    ['an error besides the warning (it cannot be acknowledged)', [finding('SUPER_USER_GRANT', 'warning'), finding('BROAD_PRINCIPAL', 'error')], 'x', undefined],
    ['information only', [finding('GROUP_SHARES_CERTIFICATES', 'info')], 'x', undefined],
  ])('says how to acknowledge for %s', (_label, findings, name, expected) => {
    expect(acknowledgeHint(findings, 'exchange', name)).toEqual(expected);
  });
});
