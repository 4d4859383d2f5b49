import { describe, expect, it } from 'vitest';
import type { ServerConfigurationPlan } from './plan-server-configuration.ts';
import { quoteRegString, renderRegFile } from './reg-file.ts';
import { PROFILES } from './registry-settings.ts';
import { SERVER_TYPES } from './server-types.ts';
import { parseRegFile } from './testing/reg-file-parser.ts';
import { samplePlan } from './testing/sample-plan.ts';

const cases = PROFILES.flatMap((profile) => SERVER_TYPES.map((serverType) => [profile, serverType] as const));

describe('renderRegFile', () => {
  it.each(cases)('round-trips through the strict parser to exactly the model (%s, %s)', (profile, serverType) => {
    const plan = samplePlan(profile);
    const server = plan.servers.find((candidate) => candidate.serverType === serverType);
    expect(parseRegFile(renderRegFile(plan, serverType))).toEqual(server?.keys);
  });

  it.each(['http://rmsconnector.contoso.com', 'https://rmsconnector.contoso.com:8443', 'https://10.1.2.3'])(
    'round-trips other connector URLs too (%s)',
    (connectorUrl) => {
      const plan = samplePlan('current', connectorUrl);
      expect(SERVER_TYPES.map((type) => parseRegFile(renderRegFile(plan, type)))).toEqual(plan.servers.map((server) => server.keys));
    },
  );

  it('writes UTF-16LE with a BOM, the version header, CRLF only and a blank line after each key', () => {
    const bytes = renderRegFile(samplePlan(), 'sharepoint2010');
    const text = bytes.subarray(2).toString('utf16le');
    expect([
      bytes.subarray(0, 2).toString('hex'),
      text.split('\r\n').slice(0, 2),
      text.replace(/\r\n/g, '').includes('\n'),
      text.endsWith(']\r\n@="https://rmsconnector.contoso.com/_wmcs/licensing"\r\n\r\n'),
    ]).toEqual(['fffe', ['Windows Registry Editor Version 5.00', ''], false, true]);
  });

  it('escapes backslashes and quotes in names and data', () => {
    expect(quoteRegString('a\\b"c')).toBe('"a\\\\b\\"c"');
  });

  it('round-trips values with quotes and backslashes that validation never lets through', () => {
    const plan = withValues([{ name: 'C:\\"quoted"', data: '\\\\server\\share "x"' }]);
    expect(parseRegFile(renderRegFile(plan, 'fci2012'))).toEqual(plan.servers.find((server) => server.serverType === 'fci2012')?.keys);
  });

  it('refuses to render a line break that slipped past validation', () => {
    expect(() => renderRegFile(withValues([{ name: '', data: 'https://x\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Evil]' }]), 'fci2012')).toThrow(/control character/);
  });
});

/** The sample plan with the FCI key's values replaced: input the URL rules would refuse. */
function withValues(values: { name: string; data: string }[]): ServerConfigurationPlan {
  const plan = samplePlan();
  return {
    ...plan,
    servers: plan.servers.map((server) =>
      server.serverType === 'fci2012' ? { ...server, keys: [{ path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Test', values }] } : server,
    ),
  };
}
