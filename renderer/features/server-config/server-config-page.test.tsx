import '../../testing/dom-shims.ts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerConfigPlan } from '../../../contract/index.ts';
import { createFakeApi, failure, success } from '../../testing/fake-api.ts';
import { renderConsole } from '../../testing/render-console.tsx';
import { ServerConfigPage } from './server-config-page.tsx';

const TENANT = 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com';
const CONNECTOR = 'https://rmsconnector.contoso.test';
const REG_TEXT = `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\IRM\\LicenseServerRedirection]\r\n"${TENANT}"="${CONNECTOR}"\r\n`;

function planOf(tenantUrlSource: 'given' | 'connector' = 'given'): ServerConfigPlan {
  return {
    connectorUrl: CONNECTOR,
    tenantUrl: TENANT,
    tenantUrlSource,
    profile: 'current',
    notices: [
      { code: 'NEVER_A_SINGLE_NODE', severity: 'warning', message: 'Point servers at the load-balanced connector name, never at a single connector node.' },
      { code: 'CONNECTOR_URL_RENAME', severity: 'warning', message: 'Choose the connector URL for good: renaming it later means reconfiguring every server.' },
    ],
    servers: [
      {
        serverType: 'exchange2013',
        title: 'Exchange 2013, 2016 and 2019',
        configure: 'Mailbox servers.',
        keys: [
          { path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\IRM\\LicenseServerRedirection', values: [{ name: TENANT, data: CONNECTOR }] },
        ],
        followUpSteps: ['Turn on IRM in Exchange: Set-IRMConfiguration -InternalLicensingEnabled $true'],
        gpoName: 'RMS connector redirection - Exchange 2013-2019',
        regFileName: 'Exchange2013RedirectionConfiguration.reg',
        localScriptFileName: 'ApplyExchange2013RedirectionConfiguration.ps1',
      },
    ],
    profileDifferences: [
      {
        serverType: 'exchange2013',
        kind: 'only-current',
        key: 'HKLM\\MSIPC',
        valueName: '',
        current: 'x',
        summary: 'Exchange 2013, 2016 and 2019: only the current profile sets the MSIPC keys.',
      },
    ],
    files: [
      { name: 'Exchange2013RedirectionConfiguration.reg', kind: 'reg', serverType: 'exchange2013', encoding: 'UTF-16LE with BOM', bytes: 400, text: REG_TEXT },
      { name: 'CreateConnectorRedirectGPOs.ps1', kind: 'gpo-script', encoding: 'UTF-8 with BOM', bytes: 90, text: '#Requires -Modules GroupPolicy\r\nNew-GPO' },
    ],
  };
}

afterEach(() => {
  localStorage.clear();
});

describe('ServerConfigPage', () => {
  it('previews the .reg text, the warnings, the next steps and the profile differences for what was typed', async () => {
    const api = createFakeApi({ 'server-config:plan': () => success(planOf()) });
    const user = userEvent.setup();
    renderConsole(<ServerConfigPage />, api);

    await user.type(screen.getByRole('textbox', { name: /Connector URL/ }), CONNECTOR);
    await user.type(screen.getByRole('textbox', { name: /Tenant URL/ }), TENANT);
    await user.click(screen.getByRole('radio', { name: '2014 script (GenConnectorConfig.ps1)' }));
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    // A text area shows line ends as LF; the saved bytes keep CRLF (main writes them, not this text).
    expect(await screen.findByRole('textbox', { name: 'File contents' })).toHaveValue(REG_TEXT.replaceAll('\r\n', '\n'));
    expect(api.calls).toEqual([
      { channel: 'server-config:plan', request: { connectorUrl: CONNECTOR, tenantUrl: TENANT, profile: '2014', operationId: expect.any(String) } },
    ]);
    const before = screen.getByRole('region', { name: 'Before you deploy' });
    expect(within(before).getByText(/never at a single connector node/)).toBeInTheDocument();
    expect(within(before).getByText(/renaming it later means reconfiguring every server/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Exchange 2013, 2016 and 2019' })).toBeInTheDocument();
    expect(screen.getByText(/Set-IRMConfiguration/)).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'How the profiles differ' })).getByText(/only the current profile/)).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'File to preview' }), 'CreateConnectorRedirectGPOs.ps1');
    expect(screen.getByRole('textbox', { name: 'File contents' })).toHaveValue('#Requires -Modules GroupPolicy\nNew-GPO');
  });

  it('reads the tenant URL from the connector into its field', async () => {
    const api = createFakeApi({ 'server-config:plan': () => success(planOf('connector')) });
    const user = userEvent.setup();
    renderConsole(<ServerConfigPage />, api);

    await user.type(screen.getByRole('textbox', { name: /Connector URL/ }), CONNECTOR);
    await user.click(screen.getByRole('button', { name: 'Read from connector' }));

    expect(await screen.findByRole('textbox', { name: /Tenant URL/ })).toHaveValue(TENANT);
    expect(api.calls[0]?.request).toEqual({ connectorUrl: CONNECTOR, profile: 'current', operationId: expect.any(String) });
    expect(screen.getByText(/\(read from the connector\)/)).toBeInTheDocument();
  });

  it('saves the chosen server types and outputs without naming a folder, and says where they went', async () => {
    const api = createFakeApi({
      'server-config:save': () =>
        success({ saved: true, folder: '/home/admin/rms', files: [{ name: 'Exchange2013RedirectionConfiguration.reg', bytes: 400 }] }),
    });
    const user = userEvent.setup();
    renderConsole(<ServerConfigPage />, api);

    await user.type(screen.getByRole('textbox', { name: /Connector URL/ }), CONNECTOR);
    await user.type(screen.getByRole('textbox', { name: /Tenant URL/ }), TENANT);
    const types = screen.getByRole('group', { name: 'Server types' });
    for (const name of ['Exchange 2010', 'SharePoint 2013, 2016 and 2019', 'SharePoint 2010', 'File servers using FCI'])
      await user.click(within(types).getByRole('checkbox', { name }));
    await user.click(within(screen.getByRole('group', { name: 'Files to save' })).getByRole('checkbox', { name: /Local PowerShell scripts/ }));
    await user.click(screen.getByRole('button', { name: 'Save files…' }));

    expect(await screen.findByText('Saved 1 files')).toBeInTheDocument();
    expect(api.calls.at(-1)).toEqual({
      channel: 'server-config:save',
      request: {
        connectorUrl: CONNECTOR,
        tenantUrl: TENANT,
        profile: 'current',
        serverTypes: ['exchange2013'],
        outputs: ['reg', 'gpo-script'],
        operationId: expect.any(String),
      },
    });
  });

  it('shows a refused URL as an error and drops nothing it had not shown', async () => {
    const api = createFakeApi({
      'server-config:save': () =>
        failure({
          code: 'URL_USERINFO',
          source: 'console',
          title: 'The connector URL cannot be used',
          message: 'The connector URL contains a user name or password. Type only the scheme and the host.',
        }),
    });
    const user = userEvent.setup();
    renderConsole(<ServerConfigPage />, api);

    await user.type(screen.getByRole('textbox', { name: /Connector URL/ }), 'https://admin:pw@rmsconnector.contoso.test');
    await user.click(screen.getByRole('button', { name: 'Save files…' }));

    expect(await screen.findByText('The connector URL cannot be used')).toBeInTheDocument();
    expect(screen.queryByText(/^Saved/)).not.toBeInTheDocument();
  });

  it('keeps Save files… unavailable while no server type is chosen', async () => {
    const api = createFakeApi({});
    const user = userEvent.setup();
    renderConsole(<ServerConfigPage />, api);
    await user.type(screen.getByRole('textbox', { name: /Connector URL/ }), CONNECTOR);
    for (const checkbox of within(screen.getByRole('group', { name: 'Server types' })).getAllByRole('checkbox')) await user.click(checkbox);

    expect(screen.getByRole('button', { name: 'Save files…' })).toHaveAttribute('aria-disabled', 'true');
  });
});
