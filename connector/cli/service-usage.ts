/** The text of `rms-connector-service --help`. */
export const SERVICE_USAGE = `Usage: rms-connector-service <command> [options]

The connector configuration service: the authorized-accounts list, role-based administrators,
connector nodes and the audit trail every connector node shares.

Commands:
  serve [--listen HOST:PORT]                 start this node (default 127.0.0.1:8443)
  admins add (--user UPN | --group NAME) [--role GlobalAdministrator|ConnectorAdministrator]
  admins list [--role ROLE] [--json]
  admins remove (--user UPN | --group NAME | --sid SID) --role ROLE
  onboarding set --group NAME                only members of this security group may sign in
  onboarding clear | show [--json]

Settings (flag, or environment variable):
  --database FILE|URL      CONNECTOR_DATABASE         a SQLite file for one node (WAL, synchronous=FULL), or
                                                      PostgreSQL for several: postgres://USER@HOST:PORT[,HOST:PORT]/DB
                                                      [?target_session_attrs=primary&sslmode=verify-full&sslrootcert=FILE]
                           CONNECTOR_DATABASE_PASSWORD  PostgreSQL password (or a pgpass file; never in the URL)
  --ldap-url URL           CONNECTOR_LDAP_URL         ldaps://dc01.contoso.com (or ldap:// with StartTLS)
  --ldap-ca FILE           CONNECTOR_LDAP_CA          CA certificate of the domain controllers
  --ldap-server-name NAME  CONNECTOR_LDAP_SERVERNAME  name expected in the DC certificate
  --ldap-user UPN          CONNECTOR_LDAP_USER        the service account
                           CONNECTOR_LDAP_PASSWORD    its password (environment only)
  --ldap-timeout SECONDS   CONNECTOR_LDAP_TIMEOUT     how long one directory request may take, default 15
  --environment NAME       CONNECTOR_ENVIRONMENT      AzureCloud (default), AzureChinaCloud,
                                                      AzureUSGovernment, AzureUSGovernment2, AzureUSGovernment3
  --tenant-url URL         CONNECTOR_TENANT_URL       answered by /_wmcs/GetRmsoUri.aspx
  --tls-cert FILE          CONNECTOR_TLS_CERT         HTTPS certificate (PEM), with
  --tls-key FILE           CONNECTOR_TLS_KEY          its key
  --keytab FILE            CONNECTOR_KEYTAB           keytab of the node's HTTP service principal: enables
                                                      Kerberos sign-in (POST /v1/sign-in/negotiate)
  --service-principal SPN  CONNECTOR_SERVICE_PRINCIPAL  that principal, HTTP/rmscon01.contoso.com (setspn -S)
  --trusted-proxies LIST   CONNECTOR_TRUSTED_PROXIES  load balancers (IPs or CIDRs, comma-separated) whose
                                                      X-Forwarded-For names the client in the audit
  --node-name NAME         CONNECTOR_NODE_NAME        default: this computer's name
  --public-url URL         CONNECTOR_PUBLIC_URL       the URL this node registers under
  --heartbeat SECONDS      CONNECTOR_HEARTBEAT        default 30
  --token-lifetime SECONDS CONNECTOR_TOKEN_LIFETIME   default 1800
  --admin-recheck SECONDS  CONNECTOR_ADMIN_RECHECK    re-read a signed-in admin's account (disabled? still
                                                      in the group holding the role?) at most this often;
                                                      default 300, 0 = every request. Role assignments are
                                                      checked on every request whatever this says.
  --events-heartbeat SECONDS CONNECTOR_EVENTS_HEARTBEAT  a comment on idle change streams (GET /v1/events) this
                                                      often, so proxies keep them open; default 15
  --event-streams N        CONNECTOR_EVENT_STREAMS    change streams this node serves at once; default 500
  --event-streams-per-admin N CONNECTOR_EVENT_STREAMS_PER_ADMIN  per administrator; default 10
  --drift-interval SECONDS CONNECTOR_DRIFT_INTERVAL  expand the Exchange entries' members (effective super users)
                                                      and audit who joined or left this often; default 900
                                                      (15 minutes), 0 = only after list changes
  --log-level LEVEL        CONNECTOR_LOG_LEVEL        silent, error, warn, info (default), debug

Exit codes: 0 done, 1 a named account or assignment was not found, 2 usage or configuration error.`;
