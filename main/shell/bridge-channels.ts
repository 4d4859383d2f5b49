/*
 * What the preload needs to know about IPC, in a file that imports nothing.
 *
 * The preload is bundled on its own and runs sandboxed; importing the contract would pull
 * zod into it. The list below is checked against `Object.keys(ipcContract)` by
 * bridge-channels.test.ts, so it cannot drift from the contract unnoticed.
 */

/** The one Electron IPC channel: the console's channel name and request travel as arguments. */
export const ADMIN_INVOKE_CHANNEL = 'admin:invoke';

/** The one channel main pushes console events on (contract/console-events.ts), to the top frame only. */
export const ADMIN_EVENT_CHANNEL = 'admin:event';

/** Every channel of contract/ipc.ts, in the contract's order. */
export const BRIDGE_CHANNELS: readonly string[] = Object.freeze([
  'console:get-defaults',
  'session:sign-in',
  'session:probe-kerberos',
  'session:current',
  'session:sign-out',
  'demo:start',
  'settings:forget-password',
  'app:open-logs',
  'operation:cancel',
  'servers:list',
  'servers:check',
  'servers:add',
  'servers:add-several',
  'servers:remove',
  'servers:export-csv',
  'servers:explain',
  'servers:removal-impact',
  'directory:resolve-names',
  'directory:search-start',
  'directory:search-next',
  'directory:search-close',
  'directory:browse',
  'directory:properties',
  'review:super-users',
  'review:list',
  'super-users:snapshot',
  'super-users:review',
  'audit:list',
  'health:run',
  'health:progress',
  'server-config:plan',
  'server-config:save',
  'ca-file:choose',
  'changes:get-status',
  'administration:get',
  'administration:add-administrator',
  'administration:remove-administrator',
  'administration:set-onboarding-group',
  'administration:clear-onboarding-group',
  'import:choose-file',
  'import:preview',
  'import:progress',
  'import:apply',
]);
