import { describe, expect, it } from 'vitest';
import { parseProxyAddress } from './proxy-address.ts';

describe('parseProxyAddress', () => {
  it.each([
    ['http://proxy.contoso.com:8080', { ok: true, host: 'proxy.contoso.com', port: 8080 }],
    ['HTTP://10.0.0.5:3128', { ok: true, host: '10.0.0.5', port: 3128 }],
    ['http://[2001:db8::1]:3128', { ok: true, host: '2001:db8::1', port: 3128 }],
  ])('accepts %s', (value, expected) => {
    expect(parseProxyAddress(value)).toEqual(expected);
  });

  it.each([
    ['proxy.contoso.com:8080', 'no scheme'],
    ['https://proxy.contoso.com:8080', 'scheme is https://'],
    ['http://proxy.contoso.com', 'no port'],
    ['http://proxy.contoso.com:8080/', 'trailing slash'],
    ['http://proxy.contoso.com:8080/path', 'path'],
    ['http://user:secret@proxy.contoso.com:8080', 'user name or password'],
    [' http://proxy.contoso.com:8080', 'white space'],
    ['http://proxy.contoso.com:8080\r\nX: y', 'control characters'],
    ['http://proxy.contoso.com:0', 'outside 1-65535'],
    ['http://proxy.contoso.com:70000', 'outside 1-65535'],
    ['http://pro_xy!.contoso.com:8080', 'not a host name'],
    ['http://[zz]:8080', 'not'],
    ['', 'no scheme'],
  ])('refuses %j (%s)', (value, reason) => {
    const result = parseProxyAddress(value);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});
