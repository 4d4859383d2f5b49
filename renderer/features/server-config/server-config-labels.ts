import type { OutputKind, ServerConfigProfile, ServerType } from '../../../contract/index.ts';

/** Server type names for the checkboxes (before a preview exists; the plan's titles match). */
export const SERVER_TYPE_LABELS: Readonly<Record<ServerType, string>> = {
  exchange2013: 'Exchange 2013, 2016 and 2019',
  exchange2010: 'Exchange 2010',
  sharepoint2013: 'SharePoint 2013, 2016 and 2019',
  sharepoint2010: 'SharePoint 2010',
  fci2012: 'File servers using FCI',
};

/** What each output is, in the words of the "Files to save" group. */
export const OUTPUT_LABELS: Readonly<Record<OutputKind, string>> = {
  reg: '.reg files (RegEdit or software deployment)',
  'local-script': 'Local PowerShell scripts (one server at a time)',
  'gpo-script': 'Group Policy script (one GPO per server type)',
};

/** The profiles in the order the radio group offers them (an enum's `options` put "2014" first: integer-like keys sort ahead). */
export const PROFILE_ORDER: readonly ServerConfigProfile[] = ['current', '2014'];

/** The two profiles, as the radio group names and explains them. */
export const PROFILE_TEXTS: Readonly<Record<ServerConfigProfile, { readonly label: string; readonly description: string }>> = {
  current: {
    label: 'Current documentation (recommended)',
    description:
      "The values of today's Microsoft documentation: Exchange 2013–2019 also gets the MSIPC keys added in 2023, and the GPOs get descriptive names.",
  },
  '2014': {
    label: '2014 script (GenConnectorConfig.ps1)',
    description:
      'Exactly what the 2014 script wrote: Exchange gets the four MSDRM and redirection values only, and the GPOs keep the names the script created, so re-running updates them.',
  },
};
