import type { AuthorizedAccount, Administration, AuditPage, ConnectorNodeList, Session } from '../../../contract/connector-api/index.ts';

/** An entry as the service stores it, for answers and expectations. */
export const SAMPLE_ACCOUNT: AuthorizedAccount = {
  id: '0b8f3c1e-5d2a-4f6b-9c7d-1e2f3a4b5c6d',
  sid: 'S-1-5-21-1004336348-1177238915-682003330-1105',
  name: 'CONTOSO\\EXCH01$',
  role: 'exchange',
  kind: 'computer',
  addedBy: 'CONTOSO\\admin',
  addedAt: '2025-01-02T03:04:05.000Z',
};

/** A session as `GET /v1/session` answers it. */
export const SAMPLE_SESSION: Session = {
  name: 'CONTOSO\\admin',
  sid: 'S-1-5-21-1004336348-1177238915-682003330-500',
  roles: ['GlobalAdministrator'],
  environment: 'AzureCloud',
  expiresAt: '2025-01-02T04:04:05.000Z',
};

/** The administration view with one administrator. */
export const SAMPLE_ADMINISTRATION: Administration = {
  version: 3,
  administrators: [
    { sid: SAMPLE_SESSION.sid, name: SAMPLE_SESSION.name, kind: 'user', role: 'GlobalAdministrator', addedBy: 'setup', addedAt: '2025-01-01T00:00:00.000Z' },
  ],
  onboardingControl: { group: null, changedBy: null, changedAt: null },
  superUserFeature: { enabled: true, changedBy: 'CONTOSO\\admin', changedAt: '2025-01-02T03:04:05.000Z' },
};

/** One registered node. */
export const SAMPLE_CONNECTORS: ConnectorNodeList = {
  heartbeatSeconds: 30,
  nodes: [
    {
      id: 'node-1',
      name: 'RMSCON01',
      version: '1.0.0',
      url: 'https://rmscon01.contoso.com',
      tls: true,
      startedAt: '2025-01-02T00:00:00.000Z',
      lastSeenAt: '2025-01-02T03:04:05.000Z',
      alive: true,
    },
  ],
};

/** One page of audit records with a next-page cursor. */
export const SAMPLE_AUDIT_PAGE: AuditPage = {
  records: [
    {
      id: 42,
      at: '2025-01-02T03:04:05.000Z',
      actor: 'CONTOSO\\admin',
      actorSid: SAMPLE_SESSION.sid,
      source: '10.0.0.5',
      node: 'RMSCON01',
      action: 'authorized-account.add',
      target: SAMPLE_ACCOUNT.sid,
      before: null,
      after: { role: 'exchange' },
      correlationId: 'c0ffee',
    },
  ],
  nextBefore: 42,
};
