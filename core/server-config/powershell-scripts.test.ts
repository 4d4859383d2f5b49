import { describe, expect, it } from 'vitest';
import { renderGpoScript } from './gpo-script.ts';
import { renderLocalScript } from './local-script.ts';
import type { ServerConfigurationPlan } from './plan-server-configuration.ts';
import { encodeScript, psQuote } from './powershell-text.ts';
import { PROFILES } from './registry-settings.ts';
import { SERVER_TYPES } from './server-types.ts';
import { samplePlan } from './testing/sample-plan.ts';

const SETTING = /^ {4}\[pscustomobject\]@\{ Key = '((?:[^']|'')*)'; ValueName = '((?:[^']|'')*)'; Value = '((?:[^']|'')*)' \}$/;

/** The settings a script embeds, read back as (key, name, data) with the quotes undone. */
function embeddedSettings(script: Buffer): string[][] {
  return textOf(script)
    .split('\r\n')
    .flatMap((line) => {
      const match = SETTING.exec(line);
      return match === null ? [] : [match.slice(1, 4).map((text) => text.replace(/''/g, "'"))];
    });
}

function textOf(script: Buffer): string {
  return script.subarray(3).toString('utf8');
}

describe('psQuote', () => {
  it.each([
    ['plain text', 'https://rms.contoso.com', "'https://rms.contoso.com'"],
    ['a single quote', "it's", "'it''s'"],
    ['typographic quotes PowerShell also ends strings on', '\u2018a\u2019b\u201a\u201b', "'\u2018\u2018a\u2019\u2019b\u201a\u201a\u201b\u201b'"],
    ['a dollar sign and backtick, inert in single quotes', '$(calc)`n', "'$(calc)`n'"],
  ])('quotes %s', (_label, text, quoted) => {
    expect(psQuote(text)).toBe(quoted);
  });

  it.each(['a\r\nb', 'a\nb', 'a\u0000b', 'a\u2028b'])('refuses a control character (%j)', (text) => {
    expect(() => psQuote(text)).toThrow(/control character/);
  });
});

describe('encodeScript', () => {
  it('writes UTF-8 with a BOM and CRLF after every line', () => {
    expect(encodeScript(['a', 'é']).toString('hex')).toBe('efbbbf610d0ac3a90d0a');
  });
});

describe('renderGpoScript', () => {
  it.each(PROFILES)('embeds exactly the values of every server type, in order (%s)', (profile) => {
    const plan = samplePlan(profile);
    expect(embeddedSettings(renderGpoScript(plan))).toEqual(
      plan.servers.flatMap((server) => server.keys.flatMap((key) => key.values.map((value) => [key.path, value.name, value.data]))),
    );
  });

  it("creates one unlinked GPO per server type, sets default values with -ValueName '' and -Additive", () => {
    const plan = samplePlan('2014');
    const text = textOf(renderGpoScript(plan));
    const code = text.split('\r\n').filter((line) => !line.startsWith('#') && !line.startsWith('Write-Host'));
    expect([
      code.filter((line) => line.startsWith('Set-ConnectorGpo -Name ')).map((line) => /^Set-ConnectorGpo -Name '([^']*)'/.exec(line)?.[1]),
      code.some((line) => line.includes('New-GPLink')),
      code.filter((line) => line.includes('Set-GPRegistryValue')).map((line) => line.trim()),
      code.some((line) => /Set-GPRegistryValue[^\n]*'\(default\)'/i.test(line)),
    ]).toEqual([
      plan.servers.map((server) => server.gpoName),
      false,
      ['Set-GPRegistryValue -Guid $gpo.Id -Key $value.Key -ValueName $value.ValueName -Value $value.Value -Type String -Additive | Out-Null'],
      false,
    ]);
  });

  it('starts with a header that lists what it does and why it carries a BOM', () => {
    const text = textOf(renderGpoScript(samplePlan()));
    expect([
      text.startsWith('# CreateConnectorRedirectGPOs.ps1 - generated'),
      text.includes('# What it does:'),
      text.includes('Windows PowerShell 5.1 reads a script without one as ANSI'),
      text.includes('[CmdletBinding(SupportsShouldProcess = $true)]'),
    ]).toEqual([true, true, true, true]);
  });

  it('doubles quotes in embedded text so it cannot end the string', () => {
    const plan = withFciValue({ name: "x'; Remove-Item C:\\ -Recurse; '", data: 'it\u2019s' });
    expect(embeddedSettings(renderGpoScript(plan)).at(-1)).toEqual([
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Test',
      "x'; Remove-Item C:\\ -Recurse; '",
      'it\u2019\u2019s',
    ]);
  });

  it('refuses to render a line break that slipped past validation', () => {
    expect(() => renderGpoScript(withFciValue({ name: '', data: 'https://x\r\nRemove-Item C:\\' }))).toThrow(/control character/);
  });
});

describe('renderLocalScript', () => {
  it.each(PROFILES.flatMap((profile) => SERVER_TYPES.map((serverType) => [profile, serverType] as const)))(
    'embeds exactly the values of %s %s, relative to HKLM',
    (profile, serverType) => {
      const plan = samplePlan(profile);
      const server = plan.servers.find((candidate) => candidate.serverType === serverType);
      expect(embeddedSettings(renderLocalScript(plan, serverType))).toEqual(
        server?.keys.flatMap((key) => key.values.map((value) => [key.path.replace('HKEY_LOCAL_MACHINE\\', ''), value.name, value.data])),
      );
    },
  );

  it('supports -WhatIf, writes the 64-bit view, checks elevation and the connector, and ends with the next steps', () => {
    const text = textOf(renderLocalScript(samplePlan(), 'sharepoint2013'));
    expect([
      text.includes('[CmdletBinding(SupportsShouldProcess = $true)]'),
      text.includes('$PSCmdlet.ShouldProcess('),
      text.includes('[Microsoft.Win32.RegistryView]::Registry64'),
      text.includes('WindowsBuiltInRole]::Administrator'),
      text.includes('/_wmcs/certification/servercertification.asmx'),
      text.includes("@('16.0', '15.0')"),
      text.includes("[Version]'1.0.2004.0'"),
      text.includes(
        'Write-Host \'  - In Central Administration > Security > Configure information rights management, choose "Use this RMS server" and type https://rmsconnector.contoso.com',
      ),
    ]).toEqual([true, true, true, true, true, true, true, true]);
  });
});

function withFciValue(value: { name: string; data: string }): ServerConfigurationPlan {
  const plan = samplePlan();
  return {
    ...plan,
    servers: plan.servers.map((server) =>
      server.serverType === 'fci2012' ? { ...server, keys: [{ path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Test', values: [value] }] } : server,
    ),
  };
}
