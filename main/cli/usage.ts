/** The `--help` text. */
export const USAGE = `Usage: rms-connector-admin <command> [options]

Directory commands:
  directory resolve NAME...                Resolve names (DOMAIN\\name, UPN, name, NAME$, DN, SID)
  directory search [--type T] [--base DN] [--limit N] QUERY
                                           Search by name prefix (ANR), sorted by account; "*" lists everything
  directory members NAME [--transitive]    Members of a group (--transitive: at any depth, with the group each comes through)
  directory info NAME                      Facts about an object (enabled or disabled, primary group by name) and
                                           the groups it belongs to
  directory whoami                         The account the DC sees on this connection (--kerberos: your ticket's)

Types (--type): user, computer, group, security-group, distribution-group, service-account

Policy commands (finding codes: docs/finding-codes.md):
  check --role ROLE NAME [--list FILE] [--connector-node NAME]...
                                           What authorizing NAME for ROLE means, and what is wrong with it (each
                                           code with its title; with warnings only, the servers add line that
                                           acknowledges them)
  super-users [--list FILE]                Every account the Exchange entries make a super user, and why
  super-users --since-review               Who joined or left the super users since the last review, from the
                                           service's snapshot (exit 1 when anything changed)
  super-users review [--version N]         Mark the super users reviewed (conditional: refused if they changed)
  explain NAME [--role ROLE] [--list FILE] Why the connector admits or refuses an account (warning 2001): its token
                                           against the list, the path to each entry, and the nearest fixes
                                           (exit 0 admitted, 1 refused, 2 error; without --list: the live list)
  review [--list FILE] [--connector-node NAME]...
                                           Check a whole authorized list: orphans, overlaps, disabled, broad entries
                                           (without --list: the live list of the service you signed in to)

Connector service commands ("Servers allowed to utilize the connector"):
  sign-in --service-url URL [--environment ENV] --username UPN --password-stdin [--service-ca FILE] [--proxy URL]
  sign-in --service-url URL --kerberos [--service-principal HTTP/HOST]
                                           Sign in (with a password, or with your Kerberos ticket: Windows logon or
                                           kinit); the short-lived token is kept in a file only you can read
  sign-out                                 Delete the saved token
  servers list                             The live list
  servers add --role ROLE NAME [--acknowledge CODE]...
                                           Judge NAME with the policy, then add it (errors block; each warning
                                           must be acknowledged by its code); needs the directory connection too
  servers remove NAME|SID [--role ROLE]    Remove one entry
  servers export                           The list as JSON (the --list FILE format)
  servers import FILE [--yes]              Show what would change; with --yes apply it all as one change
  servers watch [--json]                   Print each change as any admin makes it, on any node (--json: one
                                           object per line); resumes after a dropped connection. Ctrl+C stops
                                           (exit 0); exit 2 when the sign-in expires or the role is revoked

Administration (GlobalAdministrator to change; as Add/Get/Remove-AipServiceRoleBasedAdministrator and the
onboarding-control policy; the console's Administration page does the same):
  admins list [--role ROLE]                Who holds GlobalAdministrator or ConnectorAdministrator (users and groups)
  admins add NAME --role ROLE              Give a user or security group (DOMAIN\name, UPN or SID) a role; the
                                           service resolves NAME in its directory and stores that name
  admins remove NAME --role ROLE           Take the role (NAME as admins list shows it, or the SID); the last
                                           GlobalAdministrator cannot be removed
  onboarding show                          The onboarding-control group, if any
  onboarding set GROUP                     Let only members of this security group sign in (you must be one)
  onboarding clear                         Let every administrator sign in again
  Admin roles (--role): GlobalAdministrator, ConnectorAdministrator

Deployment health (check codes: docs/deployment-health.md):
  health --connector-url URL [--ca-file FILE] [--proxy URL] [--tenant-url URL]
                                           Check nodes, heartbeats, the connector URL, the verification page, the
                                           HTTPS certificate and TLS versions, the connectors' proxy (--proxy: their
                                           ProxyAddress value) and the list; node and list checks need sign-in.
                                           Worst first; the checks waiting for sign-in on one line (--json: in run
                                           order). Exit 1 when a check fails (0 with warnings only)

Server configuration (docs/server-configuration.md):
  server-config --connector-url URL [--tenant-url URL] [--profile current|2014] --out DIR [--force] [--ca-file FILE]
                [--type exchange|sharepoint|fci[,…]]
                                           Write the .reg files, the Group Policy script and the local scripts that
                                           point Exchange, SharePoint and FCI servers at the connector; without
                                           --tenant-url it is read from URL/_wmcs/GetRmsoUri.aspx (--ca-file: CA of
                                           the connector's certificate). Existing files are kept unless --force;
                                           --type writes only those server types' files (all by default)

Environments (--environment): AzureCloud (default), AzureChinaCloud, AzureUSGovernment, AzureUSGovernment2, AzureUSGovernment3
Service settings: RMSADMIN_SERVICE_URL, RMSADMIN_ENVIRONMENT, RMSADMIN_SERVICE_USER, RMSADMIN_SERVICE_PASSWORD,
  RMSADMIN_SERVICE_CA; HTTPS_PROXY / NO_PROXY are honoured; RMSADMIN_SESSION_FILE moves the saved token
  (default ~/.config/rms-connector-admin/session.json).

Roles (--role): exchange, sharepoint, fci
  --list FILE           the authorized list as JSON: [{"sid": "S-1-5-21-…", "name": "CORP\\\\Exchange Servers", "role": "exchange"}]
  --connector-node NAME a server the RMS connector runs on (repeat for each node)

Connection (flags, or environment variables):
  --url URL             RMSADMIN_LDAP_URL         ldaps://dc01.contoso.com, or ldap://… with --starttls
  --domain NAME         RMSADMIN_LDAP_DOMAIN      find domain controllers in DNS instead of --url
  --starttls                                      upgrade an ldap:// connection with StartTLS
  --ca FILE             RMSADMIN_LDAP_CA          PEM file of the CA that issued the DC certificate
  --server-name NAME    RMSADMIN_LDAP_SERVERNAME  name the DC certificate must carry
  --user USER           RMSADMIN_LDAP_USER        bind account: user@domain or DOMAIN\\user
  --password-stdin      (else RMSADMIN_LDAP_PASSWORD)  read the password from standard input
  --kerberos            RMSADMIN_LDAP_AUTH=kerberos  bind with your Kerberos ticket (Windows logon, or kinit):
                                                  no --user, no password; --server-name or the URL names the DC
  --global-catalog                                search the forest's Global Catalog (3269/3268)
  --timeout SECONDS                               default 15
  --dns-server IP                                 DNS server for --domain discovery

Help: COMMAND --help (or help COMMAND) shows that command's entry; --version prints the version.
Output: human-readable by default; --json for scripts. At a terminal pass/warn/fail are coloured (NO_COLOR=1: none)
  and long lines are wrapped, table rows cut to its width; in a pipe or with --json nothing is coloured or cut.
Exit codes: 0 success; 1 a name was not found, ambiguous, or of the wrong kind, or a check, review or servers add found
an error or an unacknowledged warning;
2 usage, input or connection error.`;
