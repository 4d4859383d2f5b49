import { describe, expect, it } from 'vitest';
import { planServerConfiguration, serverPlanOf } from './plan-server-configuration.ts';
import { SERVER_TYPES } from './server-types.ts';
import { samplePlan, SAMPLE_CONNECTOR_URL as C, SAMPLE_TENANT_URL as T } from './testing/sample-plan.ts';

const MSDRM = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\MSDRM\\ServiceLocation';
const MSIPC = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\MSIPC\\ServiceLocation';
const EXCHANGE = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ExchangeServer';

describe('planServerConfiguration', () => {
  it('gives Exchange 2013-2019 the documented seven values under the current profile', () => {
    expect(serverPlanOf(samplePlan('current'), 'exchange2013').keys).toEqual([
      { path: `${MSDRM}\\Activation`, values: [{ name: '', data: `${T}/_wmcs/certification` }] },
      { path: `${MSDRM}\\EnterprisePublishing`, values: [{ name: '', data: `${T}/_wmcs/Licensing` }] },
      { path: `${EXCHANGE}\\v15\\IRM\\CertificationServerRedirection`, values: [{ name: T, data: C }] },
      { path: `${EXCHANGE}\\v15\\IRM\\LicenseServerRedirection`, values: [{ name: T, data: C }] },
      { path: `${MSIPC}\\EnterpriseCertification`, values: [{ name: '', data: `${C}/_wmcs/certification` }] },
      { path: `${MSIPC}\\EnterprisePublishing`, values: [{ name: '', data: `${C}/_wmcs/licensing` }] },
      { path: `${MSIPC}\\LicensingRedirection`, values: [{ name: `${T}/_wmcs/licensing`, data: `${C}/_wmcs/licensing` }] },
    ]);
  });

  it('gives Exchange 2013-2019 only the four values of the 2014 script under the 2014 profile', () => {
    expect(serverPlanOf(samplePlan('2014'), 'exchange2013').keys).toEqual([
      { path: `${MSDRM}\\Activation`, values: [{ name: '', data: `${T}/_wmcs/certification` }] },
      { path: `${MSDRM}\\EnterprisePublishing`, values: [{ name: '', data: `${T}/_wmcs/licensing` }] },
      { path: `${EXCHANGE}\\v15\\IRM\\CertificationServerRedirection`, values: [{ name: T, data: C }] },
      { path: `${EXCHANGE}\\v15\\IRM\\LicenseServerRedirection`, values: [{ name: T, data: C }] },
    ]);
  });

  it.each(['current', '2014'] as const)('points SharePoint 2010 and FCI straight at the connector, and SharePoint 2013+ through MSIPC (%s)', (profile) => {
    const plan = samplePlan(profile);
    expect([
      serverPlanOf(plan, 'sharepoint2010').keys,
      serverPlanOf(plan, 'fci2012').keys,
      serverPlanOf(plan, 'sharepoint2013').keys,
      serverPlanOf(plan, 'exchange2010').keys.map((key) => key.path),
    ]).toEqual([
      [
        { path: `${MSDRM}\\Activation`, values: [{ name: '', data: `${C}/_wmcs/certification` }] },
        { path: `${MSDRM}\\EnterprisePublishing`, values: [{ name: '', data: `${C}/_wmcs/licensing` }] },
      ],
      [
        { path: `${MSDRM}\\EnterprisePublishing`, values: [{ name: '', data: `${C}/_wmcs/licensing` }] },
        { path: `${MSDRM}\\Activation`, values: [{ name: '', data: `${C}/_wmcs/certification` }] },
      ],
      [
        { path: `${MSIPC}\\LicensingRedirection`, values: [{ name: `${T}/_wmcs/licensing`, data: `${C}/_wmcs/licensing` }] },
        { path: `${MSIPC}\\EnterpriseCertification`, values: [{ name: '', data: `${C}/_wmcs/certification` }] },
        { path: `${MSIPC}\\EnterprisePublishing`, values: [{ name: '', data: `${C}/_wmcs/licensing` }] },
      ],
      [
        `${MSDRM}\\Activation`,
        `${MSDRM}\\EnterprisePublishing`,
        `${EXCHANGE}\\v14\\IRM\\CertificationServerRedirection`,
        `${EXCHANGE}\\v14\\IRM\\LicenseServerRedirection`,
      ],
    ]);
  });

  it('keeps the scheme the admin chose', () => {
    const plan = samplePlan('current', 'http://rmsconnector.contoso.com');
    expect([serverPlanOf(plan, 'fci2012').keys[0]?.values[0]?.data, plan.notices.map((notice) => notice.code)]).toEqual([
      'http://rmsconnector.contoso.com/_wmcs/licensing',
      ['CONNECTOR_PLAIN_HTTP', 'NEVER_A_SINGLE_NODE', 'CONNECTOR_URL_RENAME', 'NOT_ON_CONNECTOR_SERVERS', 'CLIENT_APPS_ON_SERVERS'],
    ]);
  });

  it('lists what differs between the profiles, computed from the values', () => {
    expect(
      samplePlan('2014')
        .profileDifferences.filter((difference) => difference.kind !== 'gpo-name')
        .map((difference) => [difference.serverType, difference.kind, difference.key.split('\\').at(-1), difference.valueName]),
    ).toEqual([
      ['exchange2013', 'data-differs', 'EnterprisePublishing', ''],
      ['exchange2013', 'only-current', 'EnterpriseCertification', ''],
      ['exchange2013', 'only-current', 'EnterprisePublishing', ''],
      ['exchange2013', 'only-current', 'LicensingRedirection', `${T}/_wmcs/licensing`],
    ]);
  });

  it('names the GPOs as the 2014 script did under the 2014 profile', () => {
    expect(samplePlan('2014').servers.map((server) => server.gpoName)).toEqual([
      'AAD RM Connector redirection settings for Exchange 2013',
      'AAD RM Connector redirection settings for Exchange 2010',
      'AAD RM Connector activation settings for SharePoint 2013',
      'AAD RM Connector redirection settings for SharePoint 2010',
      'AAD RM Connector activation settings for FCI2012',
    ]);
  });

  it('gives every server type its follow-up steps, with the connector URL for SharePoint and a restart for FCI', () => {
    const plan = samplePlan();
    expect([
      SERVER_TYPES.every((type) => serverPlanOf(plan, type).followUpSteps.length >= 3),
      serverPlanOf(plan, 'sharepoint2013').followUpSteps.some((step) => step.includes(`"Use this RMS server" and type ${C}`)),
      serverPlanOf(plan, 'exchange2013').followUpSteps.some((step) => step.includes('Set-IRMConfiguration -InternalLicensingEnabled $true')),
      serverPlanOf(plan, 'fci2012').followUpSteps.some((step) => step.startsWith('Restart every configured file server')),
    ]).toEqual([true, true, true, true]);
  });

  it('refuses every bad field at once and plans nothing', () => {
    expect(planServerConfiguration({ connectorUrl: 'https://u:p@host.contoso.com', tenantUrl: 'http://x.rms.na.aadrm.com', profile: '2020' })).toEqual({
      ok: false,
      issues: [
        { code: 'URL_USERINFO', field: 'connectorUrl', message: expect.stringContaining('user name or password') },
        { code: 'TENANT_URL_NOT_HTTPS', field: 'tenantUrl', message: 'The tenant URL is always https://. Type https://x.rms.na.aadrm.com.' },
        {
          code: 'PROFILE_UNKNOWN',
          field: 'profile',
          message: 'Unknown profile "2020". Use current (today\'s documentation) or 2014 (what GenConnectorConfig.ps1 wrote).',
        },
      ],
    });
  });

  it('defaults to the current profile', () => {
    const result = planServerConfiguration({ connectorUrl: C, tenantUrl: T });
    expect(result.ok && result.plan.profile).toBe('current');
  });
});
