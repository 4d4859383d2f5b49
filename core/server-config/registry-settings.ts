import { ServerConfigProfileSchema, type RegistryKey, type ServerConfigProfile } from '../../contract/server-config.ts';
import type { ServerType } from './server-types.ts';

export type { RegistryKey } from '../../contract/server-config.ts';

/**
 * Which set of values to generate (facts §2.3, §2.6).
 *
 * `current`: the values of today's documentation (Exchange also gets the MSIPC keys added
 * in 2023). `2014`: exactly what GenConnectorConfig.ps1 (signed 2014) wrote.
 */
export type Profile = ServerConfigProfile;

/** Every {@link Profile}: the contract's {@link ServerConfigProfileSchema}'s values. */
export const PROFILES: readonly Profile[] = ServerConfigProfileSchema.options;

/** One `REG_SZ` value; `name` is `''` for the key's unnamed default value (`@=` in .reg). */
export type RegistryValue = RegistryKey['values'][number];

/** The two addresses every value is built from: `T` (tenant) and `C` (connector) in the facts' tables. */
export type SettingUrls = { readonly tenantUrl: string; readonly connectorUrl: string };

const HKLM = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft';
const MSDRM = `${HKLM}\\MSDRM\\ServiceLocation`;
const MSIPC = `${HKLM}\\MSIPC\\ServiceLocation`;

/**
 * The registry keys and values one server type needs under one profile, placeholders filled.
 *
 * Exchange's MSDRM keys point at the cloud (T) and its Redirection keys map the cloud to the
 * connector; SharePoint 2010 and FCI point MSDRM straight at the connector (C) — the
 * asymmetry is the product's, not a slip.
 */
export function registrySettingsFor(serverType: ServerType, profile: Profile, urls: SettingUrls): RegistryKey[] {
  const { tenantUrl: t, connectorUrl: c } = urls;
  const fallbackValue = (data: string): RegistryValue => ({ name: '', data });
  const msdrmActivation = { path: `${MSDRM}\\Activation`, values: [fallbackValue(`${c}/_wmcs/certification`)] };
  const msdrmPublishing = { path: `${MSDRM}\\EnterprisePublishing`, values: [fallbackValue(`${c}/_wmcs/licensing`)] };
  const msipcCertification = { path: `${MSIPC}\\EnterpriseCertification`, values: [fallbackValue(`${c}/_wmcs/certification`)] };
  const msipcPublishing = { path: `${MSIPC}\\EnterprisePublishing`, values: [fallbackValue(`${c}/_wmcs/licensing`)] };
  // The docs name this value "/_wmcs/licensing"; the SharePoint table and the script name it
  // T/_wmcs/licensing, the only name that can map the cloud address to the connector.
  const msipcRedirection = { path: `${MSIPC}\\LicensingRedirection`, values: [{ name: `${t}/_wmcs/licensing`, data: `${c}/_wmcs/licensing` }] };
  const exchange = (version: 'v14' | 'v15'): RegistryKey[] => [
    { path: `${MSDRM}\\Activation`, values: [fallbackValue(`${t}/_wmcs/certification`)] },
    // The documentation capitalises "Licensing"; the 2014 script wrote it in lower case.
    { path: `${MSDRM}\\EnterprisePublishing`, values: [fallbackValue(`${t}/_wmcs/${profile === 'current' && version === 'v15' ? 'Licensing' : 'licensing'}`)] },
    { path: `${HKLM}\\ExchangeServer\\${version}\\IRM\\CertificationServerRedirection`, values: [{ name: t, data: c }] },
    { path: `${HKLM}\\ExchangeServer\\${version}\\IRM\\LicenseServerRedirection`, values: [{ name: t, data: c }] },
  ];
  switch (serverType) {
    case 'exchange2013':
      return profile === 'current' ? [...exchange('v15'), msipcCertification, msipcPublishing, msipcRedirection] : exchange('v15');
    case 'exchange2010':
      return exchange('v14');
    case 'sharepoint2013':
      return [msipcRedirection, msipcCertification, msipcPublishing];
    case 'sharepoint2010':
      return [msdrmActivation, msdrmPublishing];
    case 'fci2012':
      return [msdrmPublishing, msdrmActivation];
  }
}

/** Whether `value` names a profile. */
export function isProfile(value: string): value is Profile {
  return (PROFILES as readonly string[]).includes(value);
}
