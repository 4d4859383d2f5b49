import { classifyGssError } from './classify-gss-error.ts';
import { loadKerberos } from './load-kerberos.ts';
import { gssTargetOf } from './service-principal.ts';

/** One client security context; tokens are raw bytes, not base64 strings. */
export type GssClientContext = {
  /** Feed the server's token (empty at first) and get the next token to send. */
  step(serverToken: Buffer): Promise<Buffer>;
  /** Undo the server's GSS wrap (RFC 4752's security-layer offer). */
  unwrap(token: Buffer): Promise<Buffer>;
  /** Wrap bytes for the server, integrity only. */
  wrap(data: Buffer): Promise<Buffer>;
  readonly complete: () => boolean;
  /** The ticket's owner (`alice@CORP.CONTOSO.TEST`) once the context is complete. */
  readonly clientPrincipal: () => string | undefined;
};

const GSS_C_MUTUAL_FLAG = 2;
const GSS_C_SEQUENCE_FLAG = 8;

/**
 * Start a Kerberos context to `principal` (`ldap/dc1.corp.contoso.test`) as the current user:
 * the credential cache on Linux and macOS (KRB5CCNAME), the logon session on Windows.
 *
 * `mutual` asks the server to prove itself; every failure is a KerberosError naming the principal.
 */
export async function startGssClient(principal: string, options: { readonly mutual: boolean; readonly spnego?: boolean }): Promise<GssClientContext> {
  const kerberos = await loadKerberos();
  const client = await kerberos
    .initializeClient(gssTargetOf(principal), {
      mechOID: options.spnego === true ? kerberos.GSS_MECH_OID_SPNEGO : kerberos.GSS_MECH_OID_KRB5,
      // The package reads `flags` (its typings say gssFlag).
      ...{ flags: options.mutual ? GSS_C_MUTUAL_FLAG | GSS_C_SEQUENCE_FLAG : 0 },
    })
    .catch((error: unknown) => {
      throw classifyGssError(error, principal);
    });
  // A step that completes the context without a token to send answers null, not ''.
  const guarded = async (work: () => Promise<string | null>): Promise<Buffer> => {
    try {
      return Buffer.from((await work()) ?? '', 'base64');
    } catch (error) {
      throw classifyGssError(error, principal);
    }
  };
  return {
    step: (serverToken) => guarded(() => client.step(serverToken.toString('base64'))),
    unwrap: (token) => guarded(() => client.unwrap(token.toString('base64'))),
    // An empty `user` makes the package wrap our bytes as they are (Windows) or rebuild the
    // same four bytes from them (GSS-API); both send exactly what was given.
    wrap: (data) => guarded(() => client.wrap(data.toString('base64'), { user: '' })),
    complete: () => client.contextComplete,
    clientPrincipal: () => (client.contextComplete && typeof client.username === 'string' && client.username !== '' ? client.username : undefined),
  };
}

/**
 * Whose ticket this session holds, asking for a ticket to `principal` without sending it:
 * what "Sign in as CORP\alice" shows. Throws a KerberosError when there is no usable ticket.
 */
export async function currentTicketOwner(principal: string): Promise<string> {
  const probe = await startGssClient(principal, { mutual: false });
  await probe.step(Buffer.alloc(0));
  const owner = probe.clientPrincipal();
  if (owner === undefined) throw classifyGssError(new Error('The ticket names no client principal.'), principal);
  return owner;
}
