import { describe, expect, it } from 'vitest';
import { looksLikeSecret, redactLogLine, WITHHELD } from './log-redaction.ts';

describe('redactLogLine', () => {
  it('keeps an ordinary call line as it is', () => {
    const line = { event: 'ipc-call', channel: 'servers:list', durationMs: 12, ok: false, code: 'NOT_SIGNED_IN', source: 'console' };
    expect(redactLogLine(line)).toEqual(line);
  });

  it('withholds values under secret-sounding keys, at any depth and in any case', () => {
    const line = {
      event: 'x',
      password: 'P@ssw0rd!',
      request: { directory: { bindPassword: 'hunter2', url: 'ldaps://dc1' }, headers: { Authorization: 'Basic abc' } },
      items: [{ accessToken: 'abc' }, { clientSecret: 's' }, { 'x-api-key': 'k' }, { Cookie: 'c=1' }, { privateKey: 'pem' }, { credentials: ['a'] }],
    };
    expect(redactLogLine(line)).toEqual({
      event: 'x',
      password: WITHHELD,
      request: { directory: { bindPassword: WITHHELD, url: 'ldaps://dc1' }, headers: { Authorization: WITHHELD } },
      items: [
        { accessToken: WITHHELD },
        { clientSecret: WITHHELD },
        { 'x-api-key': WITHHELD },
        { Cookie: WITHHELD },
        { privateKey: WITHHELD },
        { credentials: WITHHELD },
      ],
    });
  });

  it.each([
    ['a bearer header', 'request failed: Authorization: Bearer eyJhbGciOi'],
    ['a bearer token alone', 'bearer abc.def'],
    ['a basic header', 'Basic YWRtaW46c2VjcmV0'],
    ['a JWT', 'token was eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl'],
    ['a private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIE'],
    ['a URL with a password', 'connect to ldaps://admin:Secret1@dc1.contoso.com failed'],
    ['an assignment', 'Server=db;Password=Secret1;'],
    ['a token assignment', 'token: abc123'],
  ])('withholds a string that carries %s', (_label, text) => {
    expect(looksLikeSecret(text)).toBe(true);
    expect(redactLogLine({ message: text, list: [text] })).toEqual({ message: WITHHELD, list: [WITHHELD] });
  });

  it.each([
    ['The server is not reachable.'],
    ['CN=Exchange Servers,OU=Groups,DC=contoso,DC=com'],
    ['ldaps://dc1.contoso.com:636'],
    ['Passwords are never logged.'],
  ])('keeps the harmless text %s', (text) => {
    expect(redactLogLine({ message: text })).toEqual({ message: text });
  });

  it('keeps the line JSON-safe and bounded', () => {
    const cycle: Record<string, unknown> = { name: 'loop' };
    cycle['self'] = cycle;
    const error = new Error('password=oops');
    const line = {
      big: 12n,
      fn: () => 1,
      none: undefined,
      when: new Date(0),
      cycle,
      error,
      long: 'x'.repeat(5000),
      many: Array.from({ length: 80 }, (_, index) => index),
    };
    const redacted = redactLogLine(line);
    expect(redacted).toEqual({
      big: '12',
      when: '1970-01-01T00:00:00.000Z',
      cycle: { name: 'loop', self: '[circular]' },
      error: { name: 'Error', message: WITHHELD },
      long: `${'x'.repeat(2000)}…`,
      many: Array.from({ length: 50 }, (_, index) => index),
    });
    expect(() => JSON.stringify(redacted)).not.toThrow();
  });

  it('cuts structures nested too deep', () => {
    expect(redactLogLine({ a: { b: { c: { d: { e: { f: { g: 1 } } } } } } })).toEqual({ a: { b: { c: { d: { e: { f: '[too deep]' } } } } } });
  });
});
