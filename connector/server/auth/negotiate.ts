import type { KerberosErrorCode } from '../../../contract/kerberos.ts';
import { kerberosMessage } from '../../../contract/kerberos.ts';
import { classifyGssError, gssTargetOf, loadKerberos, type KerberosError, type KerberosModule } from '../../../core/kerberos/index.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { NEGOTIATE_CHALLENGE } from './negotiate-header.ts';

/** What accepting one token established: whose ticket it was, and the node's answer for mutual authentication. */
export type NegotiateAcceptance = { readonly clientPrincipal: string; readonly answerToken: Buffer };

/** Accepts Kerberos tokens for one service principal with the node's keytab. */
export type NegotiateAcceptor = {
  /** `HTTP/rmscon01.contoso.com`, as setspn registered it. */
  readonly servicePrincipal: string;
  /** One server context per call; a refusal is a {@link NegotiateRefusal} (401). */
  accept(token: Buffer): Promise<NegotiateAcceptance>;
};

/** The codes a refused token is answered with. */
export type NegotiateRefusalCode = Extract<
  KerberosErrorCode,
  'KERBEROS_TOKEN_REFUSED' | 'KERBEROS_WRONG_PRINCIPAL' | 'KERBEROS_TICKET_EXPIRED' | 'KERBEROS_CLOCK_SKEW' | 'KERBEROS_FAILED'
>;

/** A refused token, with GSS-API's own words for the log (never sent to the caller). */
export class NegotiateRefusal extends ApiFailure {
  readonly detail: string | undefined;

  constructor(code: NegotiateRefusalCode, message: string, detail: string | undefined) {
    super(code, message, { headers: { ...NEGOTIATE_CHALLENGE } });
    this.name = 'NegotiateRefusal';
    this.detail = detail;
  }
}

const KEYTAB_TROUBLE = /key table file|keytab file|permission denied|no such file/i;
/** MIT's words when the ticket is newer than the keytab: the service account's password changed since the export. */
const KEYTAB_OUT_OF_DATE = /keytab is likely out of date/i;
/** A ticket for the node's principal its key cannot open: altered on the way (a stale key says "out of date" instead). */
const UNREADABLE_TICKET = /cannot decrypt ticket/i;
/**
 * MIT's words for a ticket to another principal than the node's, as the accepting side says
 * them (the shared classifier knows the client side's).
 */
const OTHER_PRINCIPAL = /request ticket server \S+ not found in keytab|wrong principal in request|no key table entry found/i;

/**
 * Build the acceptor of a node's service principal.
 *
 * MIT Kerberos finds the keytab through `KRB5_KTNAME`, which the node set at start; the
 * kerberos package builds one server context per call, so concurrent sign-ins share nothing
 * but the replay cache (which is what refuses a replayed token).
 */
export function createNegotiateAcceptor(servicePrincipal: string): NegotiateAcceptor {
  const target = gssTargetOf(servicePrincipal);
  return {
    servicePrincipal,
    async accept(token) {
      let answer: unknown;
      let server: Awaited<ReturnType<KerberosModule['initializeServer']>>;
      try {
        server = await (await loadKerberos()).initializeServer(target);
        // The package answers null (not '') when the context completes without a token to send.
        answer = await server.step(token.toString('base64'));
      } catch (error) {
        throw refusalOf(classifyGssError(error, servicePrincipal));
      }
      const principal = typeof server.username === 'string' ? server.username : '';
      if (!server.contextComplete || principal === '')
        throw new NegotiateRefusal(
          'KERBEROS_TOKEN_REFUSED',
          `The Negotiate token did not complete a Kerberos context in one step (an NTLM or unfinished SPNEGO exchange). ${kerberosMessage('KERBEROS_TOKEN_REFUSED')}`,
          undefined,
        );
      return { clientPrincipal: principal, answerToken: Buffer.from(typeof answer === 'string' ? answer : '', 'base64') };
    },
  };
}

/**
 * The answer to a GSS-API refusal on the accepting side.
 *
 * A client-side code (no ticket, KDC unreachable) cannot happen here: whatever is not the
 * ticket's fault nor the keytab's is a token the node cannot read.
 */
export function refusalOf(error: KerberosError): NegotiateRefusal {
  const detail = error.detail ?? '';
  if (KEYTAB_OUT_OF_DATE.test(detail))
    return new NegotiateRefusal(
      'KERBEROS_FAILED',
      `The node's keytab is older than the key of ${error.principal ?? 'its service principal'} (the service account's password changed since it was exported). Sign in with a password; the node's operator should export the keytab again.`,
      detail,
    );
  if (UNREADABLE_TICKET.test(detail)) return new NegotiateRefusal('KERBEROS_TOKEN_REFUSED', kerberosMessage('KERBEROS_TOKEN_REFUSED'), detail);
  const code = OTHER_PRINCIPAL.test(detail) ? 'KERBEROS_WRONG_PRINCIPAL' : error.code;
  if (code === 'KERBEROS_TOKEN_REFUSED' || code === 'KERBEROS_WRONG_PRINCIPAL' || code === 'KERBEROS_TICKET_EXPIRED' || code === 'KERBEROS_CLOCK_SKEW')
    return new NegotiateRefusal(code, kerberosMessage(code, error.principal), error.detail);
  if (code === 'KERBEROS_UNAVAILABLE') return new NegotiateRefusal('KERBEROS_FAILED', `${kerberosMessage('KERBEROS_UNAVAILABLE')} (on the node)`, error.detail);
  if (KEYTAB_TROUBLE.test(detail))
    return new NegotiateRefusal(
      'KERBEROS_FAILED',
      "The node could not read its keytab. Sign in with a password; the node's operator should check CONNECTOR_KEYTAB (the file, its permissions, and that it holds the key of CONNECTOR_SERVICE_PRINCIPAL).",
      error.detail,
    );
  return new NegotiateRefusal('KERBEROS_TOKEN_REFUSED', kerberosMessage('KERBEROS_TOKEN_REFUSED'), error.detail);
}
