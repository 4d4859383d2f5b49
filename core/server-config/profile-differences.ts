import type { ProfileDifference } from '../../contract/server-config.ts';
import { registrySettingsFor, type Profile, type SettingUrls } from './registry-settings.ts';
import { SERVER_TYPE_INFO, SERVER_TYPES, type ServerType } from './server-types.ts';

export type { ProfileDifference } from '../../contract/server-config.ts';

/**
 * Every difference between the two profiles, found by comparing the generated values.
 *
 * Computed rather than written down, so the summary cannot drift from what is generated. Key
 * paths and value names compare case-insensitively, as the registry does; data compare
 * exactly, because it is the data the servers send.
 */
export function compareProfiles(urls: SettingUrls): ProfileDifference[] {
  return SERVER_TYPES.flatMap((serverType) => [...valueDifferences(serverType, urls), ...gpoNameDifference(serverType)]);
}

function valueDifferences(serverType: ServerType, urls: SettingUrls): ProfileDifference[] {
  const current = flatten(serverType, 'current', urls);
  const legacy = flatten(serverType, '2014', urls);
  const differences: ProfileDifference[] = [];
  const title = SERVER_TYPE_INFO[serverType].title;
  for (const [id, value] of current) {
    const old = legacy.get(id);
    const where = `${value.key} ${value.name === '' ? '(Default)' : `"${value.name}"`}`;
    if (old === undefined) {
      differences.push({
        serverType,
        kind: 'only-current',
        key: value.key,
        valueName: value.name,
        current: value.data,
        legacy: undefined,
        summary: `${title}: only the current profile sets ${where} (added to the documentation in 2023; the 2014 script does not write it).`,
      });
    } else if (old.data !== value.data) {
      differences.push({
        serverType,
        kind: 'data-differs',
        key: value.key,
        valueName: value.name,
        current: value.data,
        legacy: old.data,
        summary: `${title}: ${where} is ${value.data} (documentation) vs ${old.data} (2014 script); IIS treats both alike.`,
      });
    }
  }
  for (const [id, value] of legacy) {
    if (!current.has(id)) {
      differences.push({
        serverType,
        kind: 'only-2014',
        key: value.key,
        valueName: value.name,
        current: undefined,
        legacy: value.data,
        summary: `${title}: only the 2014 profile sets ${value.key} "${value.name}".`,
      });
    }
  }
  return differences;
}

function gpoNameDifference(serverType: ServerType): ProfileDifference[] {
  const { gpoNameCurrent, gpoName2014, title } = SERVER_TYPE_INFO[serverType];
  return [
    {
      serverType,
      kind: 'gpo-name',
      key: '',
      valueName: '',
      current: gpoNameCurrent,
      legacy: gpoName2014,
      summary: `${title}: the Group Policy object is named "${gpoNameCurrent}" (current) or "${gpoName2014}" (2014, the name the 2014 script created).`,
    },
  ];
}

type FlatValue = { readonly key: string; readonly name: string; readonly data: string };

function flatten(serverType: ServerType, profile: Profile, urls: SettingUrls): Map<string, FlatValue> {
  const values = new Map<string, FlatValue>();
  for (const key of registrySettingsFor(serverType, profile, urls)) {
    for (const value of key.values) values.set(`${key.path}\u0000${value.name}`.toLowerCase(), { key: key.path, name: value.name, data: value.data });
  }
  return values;
}
