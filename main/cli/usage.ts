/** The `--help` text. */
export const USAGE = `Usage: rms-connector-admin <command> [options]

Directory commands:
  directory resolve NAME...                Resolve names (DOMAIN\\name, UPN, name, NAME$, DN, SID)
  directory search [--type T] [--base DN] [--limit N] QUERY
                                           Search by name prefix (ANR); "*" lists everything
  directory members NAME [--transitive]    Members of a group (--transitive: nested and primary-group members)
  directory info NAME                      Facts about an object and the groups it belongs to

Types (--type): user, computer, group, security-group, distribution-group, service-account

Policy commands (finding codes: docs/finding-codes.md):
  check --role ROLE NAME [--list FILE] [--connector-node NAME]...
                                           What authorizing NAME for ROLE means, and what is wrong with it
  super-users --list FILE                  Every account the list's Exchange entries make a super user, and why
  review --list FILE [--connector-node NAME]...
                                           Check a whole authorized list: orphans, overlaps, disabled, broad entries

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
  --global-catalog                                search the forest's Global Catalog (3269/3268)
  --timeout SECONDS                               default 15
  --dns-server IP                                 DNS server for --domain discovery

Output: human-readable by default; --json for scripts.
Exit codes: 0 success; 1 a name was not found, ambiguous, or of the wrong kind, or a check or review found an error;
2 usage, input or connection error.`;
