import type { Socket } from 'node:net';
import type { Authenticator } from './authenticate.ts';
import { BerError, encodeConstructed, encodeInteger, encodeOctets, readTlvAt, TAG } from './ber.ts';
import { LdapFailure, RESULT } from './ldap-failure.ts';
import { decodeMessage, encodeControl, encodeEntry, encodeMessage, encodeResponseName, encodeResult, type LdapMessage } from './ldap-messages.ts';
import { PAGED_RESULTS_OID, searchDirectory, type PagingState, type SearchTarget } from './search-directory.ts';

/** AD's MaxReceiveBuffer: a request larger than this ends the connection. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
/** AD's MaxConnIdleTime. */
const IDLE_TIMEOUT_MS = 900_000;
const NOTICE_OF_DISCONNECTION = '1.3.6.1.4.1.1466.20036';
const WHO_AM_I = '1.3.6.1.4.1.4203.1.11.3';
const START_TLS = '1.3.6.1.4.1.1466.20037';
const NOT_BOUND =
  '000004DC: LdapErr: DSID-0C090A5C, comment: In order to perform this operation a successful bind must be completed on the connection., data 0, v4563';

/** What every connection shares: the directory and how binds are checked. */
export type ConnectionServices = SearchTarget & { readonly authenticator: Authenticator };

/**
 * Serve one client connection: frame BER messages, answer each in order, keep the bind.
 *
 * A request that cannot be decoded gets protocolError when its message id is readable and
 * the connection stays up; a stream that is not LDAP at all, or a request over
 * {@link MAX_REQUEST_BYTES}, gets a Notice of Disconnection, as AD sends.
 */
export function serveConnection(socket: Socket, services: ConnectionServices): void {
  let buffer: Buffer = Buffer.alloc(0);
  let boundDn: string | undefined;
  const paging: PagingState = new Map();
  const send = (bytes: Buffer) => {
    if (!socket.destroyed) socket.write(bytes);
  };

  socket.setTimeout(IDLE_TIMEOUT_MS, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    try {
      for (;;) {
        // Every LDAPMessage is a SEQUENCE: anything else is not LDAP, however long it would be.
        if (buffer.length > 0 && buffer[0] !== TAG.sequence) throw new BerError('the client is not speaking LDAP');
        const read = readTlvAt(buffer, 0, MAX_REQUEST_BYTES);
        if (!read) {
          if (buffer.length > MAX_REQUEST_BYTES + 16) throw new BerError('request too large');
          return;
        }
        buffer = buffer.subarray(read.next);
        let message: LdapMessage;
        try {
          message = decodeMessage(read.tlv);
        } catch (error) {
          const { messageId, responseTag } = error as { messageId?: number; responseTag?: number };
          if (messageId === undefined || responseTag === undefined) throw error;
          send(
            encodeMessage(
              messageId,
              encodeResult(responseTag, {
                resultCode: RESULT.protocolError,
                diagnostic: `00000057: LdapErr: DSID-0C090D8A, comment: Error decoding ldap message, data 0 (${(error as Error).message})`,
              }),
            ),
          );
          continue;
        }
        handle(message);
        if (socket.destroyed) return;
      }
    } catch (error) {
      disconnect(error instanceof Error ? error.message : 'malformed request');
    }
  });

  function disconnect(reason: string): void {
    send(
      encodeMessage(
        0,
        encodeResult(0x78, {
          resultCode: RESULT.protocolError,
          diagnostic: `00000057: LdapErr: DSID-0C090D8A, comment: ${reason}`,
          extra: [encodeResponseName(NOTICE_OF_DISCONNECTION)],
        }),
      ),
    );
    buffer = Buffer.alloc(0);
    socket.end();
  }

  function handle(message: LdapMessage): void {
    const { messageId, request } = message;
    try {
      switch (request.kind) {
        case 'unbind':
          socket.end();
          return;
        case 'abandon':
          return;
        case 'bind': {
          boundDn = undefined;
          paging.clear();
          if (request.sasl)
            throw new LdapFailure(
              RESULT.authMethodNotSupported,
              '00002027: LdapErr: DSID-0C090A09, comment: The demo directory accepts simple binds only, data 0',
            );
          if (request.version !== 3) throw new LdapFailure(RESULT.protocolError, '00002027: LdapErr: DSID-0C090A09, comment: LDAP version 3 is required');
          if (request.name !== '' && request.password === '')
            throw new LdapFailure(
              RESULT.unwillingToPerform,
              '00002027: LdapErr: DSID-0C090A09, comment: Unauthenticated binds (a name without a password) are refused',
            );
          if (request.name !== '') boundDn = services.authenticator.bind(request.name, request.password ?? '');
          send(encodeMessage(messageId, encodeResult(0x61, { resultCode: RESULT.success })));
          return;
        }
        case 'extended':
          handleExtended(messageId, request.name);
          return;
        case 'write':
          throw new LdapFailure(
            boundDn ? RESULT.insufficientAccessRights : RESULT.operationsError,
            boundDn ? '00000005: SecErr: DSID-03152E29, problem 4003 (INSUFF_ACCESS_RIGHTS), data 0 (the demo directory is read-only)' : NOT_BOUND,
          );
        case 'search': {
          if (!boundDn && !(request.base === '' && request.scope === 'base')) throw new LdapFailure(RESULT.operationsError, NOT_BOUND);
          const outcome = searchDirectory(services, request, message.controls, paging);
          for (const entry of outcome.entries) send(encodeMessage(messageId, encodeEntry(entry.dn, entry.attributes)));
          const controls = outcome.pagedCookie ? [encodeControl(PAGED_RESULTS_OID, pagedValue(outcome.pagedCookie))] : [];
          send(encodeMessage(messageId, encodeResult(0x65, { resultCode: outcome.resultCode, diagnostic: outcome.diagnostic }), controls));
          return;
        }
      }
    } catch (error) {
      const failure =
        error instanceof LdapFailure ? error : new LdapFailure(RESULT.operationsError, '000020EF: SvcErr: DSID-020A07A3, problem 5012 (DIR_ERROR), data 0');
      const responseTag = request.kind === 'bind' ? 0x61 : request.kind === 'search' ? 0x65 : request.kind === 'write' ? request.responseTag : 0x78;
      send(encodeMessage(messageId, encodeResult(responseTag, { resultCode: failure.resultCode, matchedDn: failure.matchedDn, diagnostic: failure.message })));
    }
  }

  function handleExtended(messageId: number, name: string): void {
    if (name === WHO_AM_I && boundDn) {
      send(encodeMessage(messageId, encodeResult(0x78, { resultCode: RESULT.success, extra: [encodeOctets(`dn:${boundDn}`, 0x8b)] })));
      return;
    }
    const failure =
      name === START_TLS
        ? new LdapFailure(RESULT.operationsError, '00000000: LdapErr: DSID-0C091171, comment: TLS is already in effect on this LDAPS connection')
        : new LdapFailure(RESULT.protocolError, `0000203D: LdapErr: DSID-0C09118A, comment: Unknown extended request OID ${name.slice(0, 80)}`);
    throw failure;
  }
}

/** The paged results response value: SEQUENCE { size (an estimate; 0 = unknown), cookie }. */
function pagedValue(cookie: Buffer): Buffer {
  return encodeConstructed(TAG.sequence, [encodeInteger(0), encodeOctets(cookie)]);
}
