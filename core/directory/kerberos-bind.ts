import tls from 'node:tls';
import type net from 'node:net';
import type { BerWriter } from 'ldapts';
import { KerberosError, servicePrincipalName, startGssClient, type GssClientContext } from '../kerberos/index.ts';
import { DirectoryError } from './directory-error.ts';
import type { LdapResult, openLdapWire } from './ldap-wire.ts';

type Wire = ReturnType<typeof openLdapWire>;

const BIND_REQUEST = 0x60;
const SASL_CREDENTIALS = 0xa3;
const OCTET_STRING = 0x04;
const EXTENDED_REQUEST = 0x77;
const EXTENDED_REQUEST_NAME = 0x80;
const START_TLS_OID = '1.3.6.1.4.1.1466.20037';
const SUCCESS = 0;
const SASL_BIND_IN_PROGRESS = 14;
const MAX_ROUNDS = 8;
/** RFC 4752 §3.3: bit 1 of the server's offer and of our choice is "no security layer". */
const NO_SECURITY_LAYER = 0x01;

/** Who the DC now knows the session as, and the next free message id on the connection. */
export type KerberosBind = { readonly clientPrincipal: string; readonly nextMessageId: number };

/** StartTLS (RFC 4511 §4.14) on a plain connection; resolves to the protected socket. */
export async function startTls(wire: Wire, socket: net.Socket, messageId: number, tlsOptions: tls.ConnectionOptions): Promise<tls.TLSSocket> {
  const result = await wire.exchange(messageId, (writer) => {
    writer.startSequence(EXTENDED_REQUEST);
    writer.writeString(START_TLS_OID, EXTENDED_REQUEST_NAME);
    writer.endSequence();
  });
  if (result.resultCode !== SUCCESS) throw new DirectoryError('STARTTLS_FAILED', undefined, result.diagnosticMessage);
  wire.release();
  return new Promise((resolve, reject) => {
    const secure = tls.connect({ ...tlsOptions, socket });
    secure.once('secureConnect', () => {
      secure.off('error', reject);
      resolve(secure);
    });
    secure.once('error', reject);
  });
}

/**
 * A SASL GSSAPI bind (RFC 4752) as the holder of the current Kerberos ticket.
 *
 * The service principal is `ldap/<the DC's name>`, the name the TLS handshake has just checked
 * against the DC's certificate — never a name the user typed and nothing verified. The context is
 * mutual (the DC proves it holds that principal's key), and the last step chooses no security
 * layer with a maximum size of 0, as Active Directory requires when TLS protects the connection.
 */
export async function bindWithKerberos(wire: Wire, serverName: string, firstMessageId: number): Promise<KerberosBind> {
  const principal = asDirectoryError(() => servicePrincipalName('ldap', serverName));
  const context = await asDirectoryErrorAsync(() => startGssClient(principal, { mutual: true }));
  let messageId = firstMessageId;
  let token = await asDirectoryErrorAsync(() => context.step(Buffer.alloc(0)));
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const result = await wire.exchange(messageId, (writer) => {
      writeGssapiBind(writer, token);
    });
    messageId += 1;
    if (result.resultCode === SUCCESS) {
      if (!context.complete() && result.serverSaslCredentials !== undefined)
        await asDirectoryErrorAsync(() => context.step(result.serverSaslCredentials ?? Buffer.alloc(0)));
      const clientPrincipal = context.clientPrincipal();
      if (!context.complete() || clientPrincipal === undefined) {
        throw new DirectoryError(
          'DIRECTORY_ERROR',
          'The domain controller accepted the bind without proving its identity (no mutual authentication); the session was closed.',
        );
      }
      return { clientPrincipal, nextMessageId: messageId };
    }
    if (result.resultCode !== SASL_BIND_IN_PROGRESS) throw bindRefusal(result, principal);
    token = await asDirectoryErrorAsync(() => nextToken(context, result.serverSaslCredentials ?? Buffer.alloc(0)));
  }
  throw new DirectoryError('DIRECTORY_ERROR', `The Kerberos bind to ${serverName} did not finish within ${String(MAX_ROUNDS)} rounds.`);
}

async function nextToken(context: GssClientContext, serverToken: Buffer): Promise<Buffer> {
  if (!context.complete()) return context.step(serverToken);
  const offer = await context.unwrap(serverToken);
  if (offer.length !== 4 || (offer.readUInt8(0) & NO_SECURITY_LAYER) === 0) throw new KerberosError('KERBEROS_NO_SECURITY_LAYER');
  return context.wrap(Buffer.from([NO_SECURITY_LAYER, 0, 0, 0]));
}

function writeGssapiBind(writer: BerWriter, token: Buffer): void {
  writer.startSequence(BIND_REQUEST);
  writer.writeInt(3);
  writer.writeString('');
  writer.startSequence(SASL_CREDENTIALS);
  writer.writeString('GSSAPI');
  writer.writeBuffer(token, OCTET_STRING);
  writer.endSequence();
  writer.endSequence();
}

/**
 * What a refused SASL bind means. AD puts the SSPI status in the diagnostic text:
 * 80090346 is SEC_E_BAD_BINDINGS (channel binding demanded).
 */
function bindRefusal(result: LdapResult, principal: string): DirectoryError {
  const text = result.diagnosticMessage;
  if (/80090346|channel binding/i.test(text)) return fromKerberos(new KerberosError('KERBEROS_CHANNEL_BINDING_REQUIRED', { principal, detail: text }));
  if (/80090324|skew/i.test(text)) return fromKerberos(new KerberosError('KERBEROS_CLOCK_SKEW', { principal, detail: text }));
  if (/80090321|expired/i.test(text)) return fromKerberos(new KerberosError('KERBEROS_TICKET_EXPIRED', { principal, detail: text }));
  if (result.resultCode === 8 || result.resultCode === 13) return new DirectoryError('STRONG_AUTH_REQUIRED', undefined, text);
  if (result.resultCode === 7)
    return new DirectoryError('DIRECTORY_ERROR', 'The domain controller does not accept Kerberos (GSSAPI) binds. Sign in with a password.', text);
  if (result.resultCode === 49) {
    return new DirectoryError(
      'INVALID_CREDENTIALS',
      'The domain controller refused the Kerberos ticket. Sign in to Windows again (or run kinit), or sign in with a password.',
      text,
    );
  }
  return new DirectoryError('DIRECTORY_ERROR', `The domain controller refused the Kerberos bind (LDAP result ${String(result.resultCode)}): ${text}`, text);
}

function fromKerberos(error: KerberosError): DirectoryError {
  return new DirectoryError(error.code, error.message, error.detail);
}

function asDirectoryError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw error instanceof KerberosError ? fromKerberos(error) : error;
  }
}

async function asDirectoryErrorAsync<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof KerberosError ? fromKerberos(error) : error;
  }
}
