/**
 * Every way a Kerberos sign-in can fail, each with what to do.
 *
 * The codes are shared by the directory bind (console and CLI), the service's Negotiate
 * sign-in and its client: a Windows admin sees the same code whether the DC or the connector
 * node refused the ticket. `{principal}` in a message is replaced by the service principal
 * concerned, so the `setspn` advice is a command that can be run as it is.
 */
export const KERBEROS_ERROR_MESSAGES = {
  KERBEROS_NO_TICKET:
    'No Kerberos ticket is available for this session. On Windows, sign in to the workstation with your domain account; on Linux or macOS, run kinit user@REALM (realm in capitals) and try again.',
  KERBEROS_TICKET_EXPIRED: 'Your Kerberos ticket has expired. Lock and unlock Windows (or sign out and in again); on Linux or macOS run kinit again.',
  KERBEROS_CLOCK_SKEW:
    "This computer's clock differs from the domain controller's by more than Kerberos allows (5 minutes by default). Synchronize the time (w32tm /resync on Windows, chrony or ntpdate elsewhere) and try again.",
  KERBEROS_NO_SUCH_PRINCIPAL:
    'The domain has no account holding the service principal {principal}. A domain admin registers it on the account the service runs as: setspn -S {principal} DOMAIN\\account',
  KERBEROS_KDC_UNREACHABLE:
    'No domain controller answered Kerberos requests (TCP/UDP 88). Check the network path and DNS; on Linux or macOS check the kdc line of the realm in krb5.conf.',
  KERBEROS_CHANNEL_BINDING_REQUIRED:
    'The domain controller demands LDAP channel binding, which this tool cannot send with a Kerberos bind. Sign in with a password over LDAPS, or ask a domain admin to set the DC policy "Domain controller: LDAP server channel binding token requirements" to "When supported".',
  KERBEROS_UNMAPPED_PRINCIPAL:
    'The Kerberos principal {principal} maps to no user account in this Active Directory domain. Sign in with an account of the domain the service checks, or with a password.',
  KERBEROS_TOKEN_REFUSED:
    'The Kerberos token was refused: it was replayed, altered or is not a Kerberos token. Sign in again; if it keeps failing, purge the tickets (klist purge) and sign in again.',
  KERBEROS_WRONG_PRINCIPAL:
    'The Kerberos ticket was issued for another service than {principal}. Connect to the node by the name its service principal carries, or register that name with setspn.',
  KERBEROS_MUTUAL_AUTH_FAILED:
    "The server did not prove that it holds the key of {principal} (mutual authentication failed), so the sign-in was discarded. Check that the address reaches the real server and not a relay; if it keeps failing, ask an administrator to compare the node's keytab with the registered principal.",
  KERBEROS_NO_SECURITY_LAYER:
    'The domain controller does not offer a Kerberos bind without a security layer over TLS. Sign in with a password, or ask a domain admin why SASL binds over TLS are refused.',
  KERBEROS_UNAVAILABLE:
    'Kerberos is not available in this installation (the kerberos module could not be loaded). Reinstall the tool, or sign in with a password.',
  KERBEROS_NOT_CONFIGURED:
    'This service does not accept Kerberos sign-in: it has no keytab. An administrator sets CONNECTOR_KEYTAB and CONNECTOR_SERVICE_PRINCIPAL on each node; until then sign in with a password.',
  KERBEROS_FAILED: 'Kerberos authentication failed. Sign in with a password, or check the details with klist.',
} as const;

/** One of the codes in {@link KERBEROS_ERROR_MESSAGES}. */
export type KerberosErrorCode = keyof typeof KERBEROS_ERROR_MESSAGES;

/** The message of a code, with the service principal put in where the message names one. */
export function kerberosMessage(code: KerberosErrorCode, principal?: string): string {
  return KERBEROS_ERROR_MESSAGES[code].replaceAll('{principal}', principal ?? 'the service principal');
}

/** A short title for each code, for the console's error banner. */
export const KERBEROS_ERROR_TITLES: Readonly<Record<KerberosErrorCode, string>> = {
  KERBEROS_NO_TICKET: 'No Kerberos ticket',
  KERBEROS_TICKET_EXPIRED: 'Your Kerberos ticket has expired',
  KERBEROS_CLOCK_SKEW: "This computer's clock is off",
  KERBEROS_NO_SUCH_PRINCIPAL: 'The service principal is not registered',
  KERBEROS_KDC_UNREACHABLE: 'No domain controller answered Kerberos',
  KERBEROS_CHANNEL_BINDING_REQUIRED: 'The domain controller demands channel binding',
  KERBEROS_UNMAPPED_PRINCIPAL: 'Your Kerberos principal has no account here',
  KERBEROS_TOKEN_REFUSED: 'The Kerberos token was refused',
  KERBEROS_WRONG_PRINCIPAL: 'The ticket is for another service',
  KERBEROS_MUTUAL_AUTH_FAILED: 'The server did not prove its identity',
  KERBEROS_NO_SECURITY_LAYER: 'The domain controller refuses Kerberos over TLS',
  KERBEROS_UNAVAILABLE: 'Kerberos is not available',
  KERBEROS_NOT_CONFIGURED: 'This service does not accept Kerberos',
  KERBEROS_FAILED: 'Kerberos sign-in failed',
};
