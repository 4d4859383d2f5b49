import { randomUUID } from 'node:crypto';
import type { PasswordSignInRequest } from '../../../contract/console-session.ts';
import type { ProfileDefaults } from '../../../main/ipc/console-ports.ts';
import type { AdConnection } from '../../ad/ad-connection.ts';
import { SEED_PASSWORD, TEST_DOMAIN, upnOf } from './test-domain.ts';

/**
 * What the sign-in screen starts from in the tests: every environment's service URL is the
 * test service, the directory is the test DC named explicitly (LDAPS, its CA, its name).
 */
export function consoleDefaultsFor(connection: AdConnection, serviceUrl: string): ProfileDefaults {
  return {
    environment: 'AzureCloud',
    serviceUrls: {
      AzureCloud: serviceUrl,
      AzureChinaCloud: serviceUrl,
      AzureUSGovernment: serviceUrl,
      AzureUSGovernment2: serviceUrl,
      AzureUSGovernment3: serviceUrl,
    },
    username: '',
    directory: {
      mode: 'server',
      domain: TEST_DOMAIN,
      serverUrl: connection.url,
      transport: 'ldaps',
      caFile: connection.caFile,
      serverName: connection.serverName,
      bindUser: '',
    },
  };
}

/**
 * The id the harness's main process holds the defaults' CA file under (see startMainProcess).
 *
 * What `console:get-defaults` answers for it too, so a request sent by dispatch names the
 * same file the sign-in form would, and never its path.
 */
export const HARNESS_CA_FILE_ID = '00000000-0000-4000-8000-00000000ca02';

/** The request the sign-in screen sends when the defaults are left as they are. */
export function signInRequestFor(defaults: ProfileDefaults, samAccountName: string, password = SEED_PASSWORD): PasswordSignInRequest {
  const { directory } = defaults;
  return {
    environment: defaults.environment,
    serviceUrl: defaults.serviceUrls[defaults.environment],
    username: upnOf(samAccountName),
    password,
    directory: {
      mode: directory.mode,
      serverUrl: directory.serverUrl,
      transport: directory.transport,
      ...(directory.caFile === '' ? {} : { caFileId: HARNESS_CA_FILE_ID }),
      serverName: directory.serverName,
    },
    operationId: randomUUID(),
  };
}
