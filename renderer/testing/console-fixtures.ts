import type { AuthorizedAccount, ConsoleDefaults, IpcError, Role, ServerList, SessionSummary } from '../../contract/index.ts';

const ROLES: readonly Role[] = ['exchange', 'sharepoint', 'fci'];

/**
 * A syntactically valid UUID made from a number, so fixtures are stable between runs.
 *
 * The contract validates ids as UUIDs; random ones would make failures hard to reproduce.
 */
export function fixtureId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** One list entry; `n` makes it unique, `overrides` sets what the test is about. */
export function makeEntry(n: number, overrides: Partial<AuthorizedAccount> = {}): AuthorizedAccount {
  return {
    id: fixtureId(n),
    sid: `S-1-5-21-1004336348-1177238915-682003330-${String(5000 + n)}`,
    name: `CORP\\server-${String(n).padStart(5, '0')}$`,
    role: ROLES[n % ROLES.length] ?? 'fci',
    kind: 'computer',
    addedBy: 'CORP\\admin',
    addedAt: new Date(Date.UTC(2026, 0, 1, 12, 0, 0) + n * 60_000).toISOString(),
    ...overrides,
  };
}

/** `count` entries numbered from 1. */
export function makeEntries(count: number): AuthorizedAccount[] {
  return Array.from({ length: count }, (_unused, index) => makeEntry(index + 1));
}

/** A `servers:list` answer. */
export function makeServerList(entries: readonly AuthorizedAccount[], version = 7): ServerList {
  return { version, versionTag: `v${String(version)}`, entries: [...entries] };
}

/** A signed-in session summary. */
export function makeSession(overrides: Partial<SessionSummary> = {}): SessionSummary {
  return {
    environment: 'AzureCloud',
    serviceUrl: 'https://connector.corp.contoso.test',
    admin: { name: 'CORP\\admin', sid: 'S-1-5-21-1-2-3-500', roles: ['GlobalAdministrator'] },
    expiresAt: '2026-01-01T13:00:00.000Z',
    directory: {
      serverName: 'dc1.corp.contoso.test',
      dnsDomainName: 'corp.contoso.test',
      netbiosDomain: 'CORP',
      defaultNamingContext: 'DC=corp,DC=contoso,DC=test',
      globalCatalogReady: true,
    },
    demo: false,
    ...overrides,
  };
}

/** A `LIST_CHANGED` refusal, as main sends it. */
export const LIST_CHANGED_ERROR: IpcError = {
  code: 'LIST_CHANGED',
  source: 'service',
  title: 'The list was changed by someone else',
  message: 'Reload the list and try again.',
};

/** A `console:get-defaults` answer: a URL per environment, the last directory settings. */
export function makeDefaults(overrides: Partial<ConsoleDefaults> = {}): ConsoleDefaults {
  return {
    environment: 'AzureCloud',
    serviceUrls: {
      AzureCloud: 'https://connector.contoso.test',
      AzureChinaCloud: 'https://connector.contoso.cn',
      AzureUSGovernment: 'https://connector.contoso.us',
      AzureUSGovernment2: 'https://connector2.contoso.us',
      AzureUSGovernment3: 'https://connector3.contoso.us',
    },
    username: 'CORP\\admin',
    directory: { mode: 'domain', domain: 'corp.contoso.test', serverUrl: '', transport: 'ldaps', caFile: null, serverName: '', bindUser: '' },
    configured: true,
    rememberedPassword: false,
    passwordVault: { available: true },
    demo: { available: true },
    desktop: { openLogs: true },
    ...overrides,
  };
}
