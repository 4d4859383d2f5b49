import type { Notice } from './config-issues.ts';
import type { ServerType } from './server-types.ts';

/** What remains to do on (or for) a server type once its registry values are in place (facts §2.1, §2.5). */
export function followUpSteps(serverType: ServerType, connectorUrl: string): string[] {
  switch (serverType) {
    case 'exchange2013':
    case 'exchange2010':
      return [
        'Authorize the "Exchange Servers" security group (or a group holding every Exchange server computer account) on the connector with the Exchange role.',
        'Set the same values on every Exchange server of the roles listed; inconsistent values across servers are a common cause of failures.',
        'Turn on IRM in Exchange: Set-IRMConfiguration -InternalLicensingEnabled $true -ClientAccessServerEnabled $true',
        'Restart the Exchange servers only if they were previously configured for AD RMS. If one was, and licensing still fails, clear %ProgramData%\\Microsoft\\DRM\\Server\\S-1-5-18, then disable and re-enable IRM.',
        'Exchange needs MSDRM with Cryptographic Mode 2 (native on Windows Server 2012 and later); Exchange 2013 needs CU3 or later.',
        'Departmental templates used by transport rules need "Show this template to all users when the applications do not support user identity".',
        'Migrating from AD RMS: add your AD RMS licensing URLs under LicenseServerRedirection yourself (this tool does not generate them).',
      ];
    case 'sharepoint2013':
    case 'sharepoint2010':
      return [
        'Authorize the Central Administration service account and the web application pool account on the connector with the SharePoint role (or SERVERNAME$ when SharePoint runs as Local System).',
        `In Central Administration > Security > Configure information rights management, choose "Use this RMS server" and type ${connectorUrl} — the connector URL, not the Azure RMS tenant URL.`,
        'Turn on IRM for each library that should protect documents.',
        ...(serverType === 'sharepoint2013' ? ['SharePoint 2013, 2016 and 2019 need the RMS client 2.1 (MSIPC) version 1.0.2004.0 or later.'] : []),
        'Restart the SharePoint servers only if they were previously configured for AD RMS.',
      ];
    case 'fci2012':
      return [
        "Authorize the file servers' computer accounts (SERVERNAME$) or a group of them on the connector with the FCI role; FCI runs as Local System, so a user account is wrong.",
        'Create classification rules and file management tasks that protect files with RMS encryption.',
        'Departmental templates used by FCI need "Show this template to all users when the applications do not support user identity".',
        'Restart every configured file server: FCI reads the values only at start.',
      ];
  }
}

/**
 * The warnings every plan carries, whatever the input: the deployment mistakes the facts
 * (§1.7, §2.1, §6) say are made most and cost most.
 */
export const DEPLOYMENT_WARNINGS: readonly Notice[] = [
  {
    code: 'NEVER_A_SINGLE_NODE',
    severity: 'warning',
    message: 'Point servers at the load-balanced connector name, never at a single connector node: with one node down, every server it serves loses RMS.',
  },
  {
    code: 'CONNECTOR_URL_RENAME',
    severity: 'warning',
    message: 'Choose the connector URL for good: renaming it later means reconfiguring every server and clearing their IRM configuration.',
  },
  {
    code: 'NOT_ON_CONNECTOR_SERVERS',
    severity: 'warning',
    message:
      'Do not apply these values on the servers that run the RMS connector, and do not install the connector on Exchange, SharePoint, file servers or domain controllers.',
  },
  {
    code: 'CLIENT_APPS_ON_SERVERS',
    severity: 'warning',
    message:
      'Client applications (Office, for example) on a configured server may stop working with RMS, because they try to use the connector; install them on other computers.',
  },
];
