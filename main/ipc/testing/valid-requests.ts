import type { IpcChannel, IpcRequest } from '../../../contract/ipc.ts';
import { signInRequest } from './test-console.ts';

const uuid = (): string => crypto.randomUUID();

/** A request each channel's contract accepts (unit tests only); operation ids are fresh per call. */
export function validRequests(): { readonly [Channel in IpcChannel]: IpcRequest<Channel> } {
  return {
    'console:get-defaults': {},
    'session:sign-in': signInRequest(),
    'session:probe-kerberos': { directory: { mode: 'server', serverUrl: 'ldaps://dc1.corp.contoso.test', transport: 'ldaps' }, operationId: uuid() },
    'session:current': {},
    'session:sign-out': {},
    'operation:cancel': { operationId: uuid() },
    'demo:start': { operationId: uuid() },
    'settings:forget-password': {},
    'app:open-logs': {},
    'servers:list': {},
    'servers:check': { role: 'exchange', sid: 'S-1-5-21-1-2-3-1105', operationId: uuid() },
    'servers:add': { role: 'exchange', sid: 'S-1-5-21-1-2-3-1105', acknowledged: [], versionTag: '"0"', operationId: uuid() },
    'servers:add-several': {
      role: 'fci',
      accounts: [{ sid: 'S-1-5-21-1-2-3-1105', acknowledged: [] }],
      versionTag: '"0"',
      operationId: uuid(),
    },
    'servers:remove': { id: uuid(), versionTag: '"0"' },
    'servers:export-csv': {},
    'servers:explain': { name: 'CORP\\EXCH01$', operationId: uuid() },
    'servers:removal-impact': { sid: 'S-1-5-21-1-2-3-1105', operationId: uuid() },
    'directory:resolve-names': { names: ['alice'], operationId: uuid() },
    'directory:search-start': { text: 'a', types: ['user'], location: { kind: 'domain' }, pageSize: 50, operationId: uuid() },
    'directory:search-next': { searchId: uuid() },
    'directory:search-close': { searchId: uuid() },
    'directory:browse': { operationId: uuid() },
    'directory:properties': { sid: 'S-1-5-21-1-2-3-1105', operationId: uuid() },
    'review:super-users': { operationId: uuid() },
    'review:list': { operationId: uuid() },
    'super-users:snapshot': {},
    'super-users:review': { version: 3, operationId: uuid() },
    'audit:list': { limit: 10 },
    'health:run': { connectorUrl: 'https://rmsconnector.contoso.test', operationId: uuid() },
    'health:progress': { operationId: uuid() },
    'server-config:plan': {
      connectorUrl: 'https://rmsconnector.contoso.test',
      tenantUrl: 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com',
      profile: 'current',
      operationId: uuid(),
    },
    'server-config:save': {
      connectorUrl: 'https://rmsconnector.contoso.test',
      tenantUrl: 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com',
      profile: 'current',
      operationId: uuid(),
    },
    'ca-file:choose': { purpose: 'directory' },
    'changes:get-status': {},
    'administration:get': {},
    'administration:add-administrator': { sid: 'S-1-5-21-1-2-3-1105', role: 'ConnectorAdministrator', version: 3 },
    'administration:remove-administrator': { sid: 'S-1-5-21-1-2-3-1105', role: 'ConnectorAdministrator', version: 3 },
    'administration:set-onboarding-group': { sid: 'S-1-5-21-1-2-3-513', version: 3 },
    'administration:clear-onboarding-group': { version: 3 },
    'import:choose-file': {},
    'import:preview': { fileId: uuid(), operationId: uuid() },
    'import:progress': { operationId: uuid() },
    'import:apply': { fileId: uuid(), versionTag: '"0"', acknowledged: [], operationId: uuid() },
  };
}

/** The channels that work without a session. */
export const PUBLIC_CHANNELS: readonly IpcChannel[] = [
  'console:get-defaults',
  'session:sign-in',
  'session:probe-kerberos',
  'demo:start',
  'session:current',
  'session:sign-out',
  'operation:cancel',
  'settings:forget-password',
  'app:open-logs',
  'ca-file:choose',
  'changes:get-status',
];
