import { z } from 'zod';

/** The cloud environments the sign-in offers, exactly as the connector's setup shows them. */
export const CloudEnvironmentSchema = z.enum(['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment', 'AzureUSGovernment2', 'AzureUSGovernment3']);
/** See {@link CloudEnvironmentSchema}. */
export type CloudEnvironment = z.infer<typeof CloudEnvironmentSchema>;

/**
 * What each environment is, in the words of Microsoft's documentation.
 *
 * The console shows these beside the drop-down so an admin in a sovereign cloud picks the
 * right one (a token from one environment is refused by a service of another).
 */
export const CLOUD_ENVIRONMENT_DESCRIPTIONS: Readonly<Record<CloudEnvironment, string>> = {
  AzureCloud: 'Azure commercial offering',
  AzureChinaCloud: 'Azure operated by 21Vianet',
  AzureUSGovernment: 'Azure Government (GCC High/DoD)',
  AzureUSGovernment2: 'Azure Government 2',
  AzureUSGovernment3: 'Azure Government 3',
};
