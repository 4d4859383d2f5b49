import { ServerTypeSchema, type ServerType } from '../../contract/server-config.ts';

export type { ServerType } from '../../contract/server-config.ts';

/**
 * The kinds of servers that use the RMS connector, one per set of registry values.
 *
 * The identifiers follow GenConnectorConfig.ps1's switches (`-SetExchange2013` covers
 * Exchange 2013, 2016 and 2019; `-SetSharePoint2013` covers SharePoint 2013, 2016 and 2019;
 * `-SetFCI2012` covers FCI on Windows Server 2012 and later), so admins who know the script
 * recognise the files. The list is the contract's {@link ServerTypeSchema}, so the console
 * and the generator cannot disagree on it.
 */
export const SERVER_TYPES: readonly ServerType[] = ServerTypeSchema.options;

/** How a server type is named to people and in file names. */
export type ServerTypeInfo = {
  /** For headings: "Exchange 2013, 2016 and 2019". */
  readonly title: string;
  /** Which servers of that product get the values (facts §2.1). */
  readonly configure: string;
  /** The stem of its file names, as the 2014 script named the .reg files: `Exchange2013`. */
  readonly fileStem: string;
  /** The 2014 script's Group Policy object name, kept by the `2014` profile. */
  readonly gpoName2014: string;
  /** The Group Policy object name of the `current` profile. */
  readonly gpoNameCurrent: string;
};

/** Names and scope of every server type. */
export const SERVER_TYPE_INFO: Readonly<Record<ServerType, ServerTypeInfo>> = {
  exchange2013: {
    title: 'Exchange 2013, 2016 and 2019',
    configure:
      'Exchange 2013: Client Access and Mailbox servers. Exchange 2016 and 2019: Mailbox servers (they include the Client Access and Hub Transport roles; the documentation also names "Client access server and hub transport server" for 2019).',
    fileStem: 'Exchange2013',
    gpoName2014: 'AAD RM Connector redirection settings for Exchange 2013',
    gpoNameCurrent: 'RMS connector redirection - Exchange 2013-2019',
  },
  exchange2010: {
    title: 'Exchange 2010',
    configure: 'Client Access and Hub Transport servers (Exchange 2010 SP3 RU6 or later). Exchange 2010 is out of support and no longer in the documentation.',
    fileStem: 'Exchange2010',
    gpoName2014: 'AAD RM Connector redirection settings for Exchange 2010',
    gpoNameCurrent: 'RMS connector redirection - Exchange 2010',
  },
  sharepoint2013: {
    title: 'SharePoint 2013, 2016 and 2019',
    configure: 'Front-end web servers, including those that host Central Administration.',
    fileStem: 'SharePoint2013',
    gpoName2014: 'AAD RM Connector activation settings for SharePoint 2013',
    gpoNameCurrent: 'RMS connector redirection - SharePoint 2013-2019',
  },
  sharepoint2010: {
    title: 'SharePoint 2010',
    configure:
      'Front-end web servers, including those that host Central Administration. SharePoint 2010 is out of support; only the 2014 script configured it.',
    fileStem: 'SharePoint2010',
    gpoName2014: 'AAD RM Connector redirection settings for SharePoint 2010',
    gpoNameCurrent: 'RMS connector redirection - SharePoint 2010',
  },
  fci2012: {
    title: 'File servers using FCI (Windows Server 2012 and later)',
    configure: 'Windows Server computers with File Server Resource Manager that classify and protect files.',
    fileStem: 'FCI2012',
    gpoName2014: 'AAD RM Connector activation settings for FCI2012',
    gpoNameCurrent: 'RMS connector redirection - FCI file servers',
  },
};

/** Whether `value` names a server type. */
export function isServerType(value: string): value is ServerType {
  return (SERVER_TYPES as readonly string[]).includes(value);
}
