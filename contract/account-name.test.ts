import { describe, expect, it } from 'vitest';
import { accountNameOf, isBuiltinSid } from './account-name.ts';

describe('accountNameOf', () => {
  it('names a domain account DOMAIN\\sam', () => {
    expect(accountNameOf({ sid: 'S-1-5-21-1-2-3-1105', samAccountName: 'EXCH03$', name: 'EXCH03' }, 'CORP')).toBe('CORP\\EXCH03$');
  });

  it('names a built-in group BUILTIN\\sam, whatever the domain', () => {
    expect(accountNameOf({ sid: 'S-1-5-32-568', samAccountName: 'IIS_IUSRS', name: 'IIS_IUSRS' }, 'CORP')).toBe('BUILTIN\\IIS_IUSRS');
  });

  it('falls back to the name without a pre-Windows 2000 name', () => {
    expect(accountNameOf({ sid: 'S-1-5-21-9-9-9-1000', name: 'S-1-5-21-9-9-9-1000' }, 'CORP')).toBe('S-1-5-21-9-9-9-1000');
  });

  it('recognizes only S-1-5-32-RID as built in', () => {
    expect(isBuiltinSid('S-1-5-32-544')).toBe(true);
    expect(isBuiltinSid('s-1-5-32-544')).toBe(true);
    expect(isBuiltinSid('S-1-5-21-32-544')).toBe(false);
    expect(isBuiltinSid('S-1-5-32')).toBe(false);
    expect(isBuiltinSid('S-1-5-32-544-1')).toBe(false);
  });
});
