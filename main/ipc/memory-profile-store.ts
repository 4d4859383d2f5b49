import { CloudEnvironmentSchema, type CloudEnvironment } from '../../contract/environments.ts';
import type { ConsoleProfileStore, ProfileDefaults, RememberedConnection } from './console-ports.ts';

/**
 * What the sign-in screen starts from when nothing was ever configured.
 *
 * Every environment present with an empty URL, domain discovery over LDAPS: the safest
 * starting point for a domain-joined admin workstation.
 */
export const EMPTY_PROFILE_DEFAULTS: ProfileDefaults = {
  environment: 'AzureCloud',
  serviceUrls: Object.fromEntries(CloudEnvironmentSchema.options.map((environment) => [environment, ''])) as Record<CloudEnvironment, string>,
  username: '',
  directory: { mode: 'domain', domain: '', serverUrl: '', transport: 'ldaps', caFile: '', serverName: '', bindUser: '' },
};

/**
 * A profile store that keeps the sign-in screen's settings in memory only.
 *
 * For the browser harness and unit tests, where there is no user-data folder: it starts
 * from the given defaults and remembers a sign-in until the process ends. `configured`
 * says whether the console should behave as on a first start (false: the demo is offered
 * prominently).
 */
export function createMemoryProfileStore(
  defaults: ProfileDefaults,
  options: { configured?: boolean } = {},
): ConsoleProfileStore & { readonly remembered: readonly RememberedConnection[] } {
  let current: ProfileDefaults = defaults;
  let configured = options.configured ?? true;
  const remembered: RememberedConnection[] = [];
  return {
    remembered,
    load: () => Promise.resolve({ defaults: current, configured }),
    remember(connection) {
      remembered.push(connection);
      current = rememberedDefaults(current, connection);
      configured = true;
      return Promise.resolve();
    },
  };
}

/**
 * The defaults after a successful sign-in: that environment, its URL, the account and the directory.
 *
 * Shared with the file store so both remember the same way; empty strings stand for "not set",
 * as the sign-in form's fields do.
 */
export function rememberedDefaults(previous: ProfileDefaults, connection: RememberedConnection): ProfileDefaults {
  const directory = connection.directory;
  return {
    environment: connection.environment,
    serviceUrls: { ...previous.serviceUrls, [connection.environment]: connection.serviceUrl },
    username: connection.username,
    directory: {
      mode: directory.mode,
      domain: directory.domain ?? '',
      serverUrl: directory.serverUrl ?? '',
      transport: directory.transport,
      caFile: directory.caFile ?? '',
      serverName: directory.serverName ?? '',
      bindUser: directory.bindUser ?? '',
    },
  };
}
