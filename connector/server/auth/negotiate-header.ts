import { kerberosMessage } from '../../../contract/kerberos.ts';
import { ApiFailure } from '../http/api-failure.ts';

/** Windows' default MaxTokenSize: no ticket of a real account is larger, even with a large PAC. */
export const MAX_NEGOTIATE_TOKEN_BYTES = 48_000;
const MAX_TOKEN_CHARACTERS = Math.ceil(MAX_NEGOTIATE_TOKEN_BYTES / 3) * 4;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const NTLMSSP = Buffer.from('NTLMSSP\0', 'latin1');

/** The challenge every 401 of the Negotiate sign-in carries (RFC 4559 §4, RFC 9110 §11.6.1). */
export const NEGOTIATE_CHALLENGE: Readonly<Record<string, string>> = { 'www-authenticate': 'Negotiate' };

/** A Negotiate refusal: its code's status, the challenge, and the sentence that says what to do. */
export function negotiateRefusal(code: 'UNAUTHENTICATED' | 'KERBEROS_TOKEN_REFUSED', why: string): ApiFailure {
  const advice = code === 'KERBEROS_TOKEN_REFUSED' ? ` ${kerberosMessage(code)}` : '';
  return new ApiFailure(code, `${why}${advice}`, { headers: { ...NEGOTIATE_CHALLENGE } });
}

/**
 * The SPNEGO token of an `Authorization: Negotiate <base64>` header, as bytes.
 *
 * Checked before any GSS-API call, so the native library only ever sees a bounded, decoded
 * token: no header, another scheme, an empty, oversized or non-base64 token, and a raw NTLM
 * message (a Windows client that found no ticket for the node's name) each get their own
 * sentence.
 */
export function parseNegotiateHeader(header: string | undefined): Buffer {
  const text = (header ?? '').trim();
  if (text === '')
    throw negotiateRefusal(
      'UNAUTHENTICATED',
      "This operation needs Authorization: Negotiate with a Kerberos token for the node's HTTP service principal, or sign in with a password (POST /v1/sign-in).",
    );
  const [scheme = '', ...rest] = text.split(/\s+/);
  if (scheme.toLowerCase() !== 'negotiate')
    throw negotiateRefusal(
      'UNAUTHENTICATED',
      `This operation accepts Authorization: Negotiate, not the ${scheme.slice(0, 20)} scheme. Send a Kerberos token, or sign in with a password (POST /v1/sign-in).`,
    );
  if (rest.length === 0) throw negotiateRefusal('KERBEROS_TOKEN_REFUSED', 'The Negotiate header carries no token.');
  if (rest.length > 1) throw negotiateRefusal('KERBEROS_TOKEN_REFUSED', 'The Negotiate header carries more than one token.');
  const encoded = rest[0] ?? '';
  if (encoded.length > MAX_TOKEN_CHARACTERS)
    throw negotiateRefusal(
      'KERBEROS_TOKEN_REFUSED',
      `The Negotiate token is larger than any Kerberos ticket (over ${String(MAX_NEGOTIATE_TOKEN_BYTES)} bytes).`,
    );
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) throw negotiateRefusal('KERBEROS_TOKEN_REFUSED', 'The Negotiate token is not base64.');
  const token = Buffer.from(encoded, 'base64');
  if (token.subarray(0, NTLMSSP.length).equals(NTLMSSP))
    throw negotiateRefusal(
      'KERBEROS_TOKEN_REFUSED',
      "The client sent NTLM, not Kerberos: it found no ticket for the node's name. Connect by the DNS name the node's service principal carries (not an IP address or a short name).",
    );
  return token;
}
