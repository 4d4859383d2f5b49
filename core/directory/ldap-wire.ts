import type net from 'node:net';
import { BerReader, BerWriter } from 'ldapts';
import { DirectoryError } from './directory-error.ts';

/** The parts of an LDAP result (RFC 4511 §4.1.9) the handshake reads, and a bind's SASL answer. */
export type LdapResult = {
  readonly messageId: number;
  readonly operation: number;
  readonly resultCode: number;
  readonly diagnosticMessage: string;
  /** serverSaslCreds [7], raw bytes: a GSS token is binary, never text. */
  readonly serverSaslCredentials: Buffer | undefined;
};

const SERVER_SASL_CREDENTIALS = 0x87;
const REFERRAL = 0xa3;
const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * Requests and their answers on a socket, one at a time, before the LDAP library holds it.
 *
 * ldapts knows simple and one-step SASL binds only, and reads a bind's server credentials as
 * UTF-8 text; StartTLS and the GSSAPI exchange therefore run here, on the connection that the
 * library receives once it is protected and bound.
 */
export function openLdapWire(socket: net.Socket, timeoutMs: number) {
  let buffered = Buffer.alloc(0);
  let waiting: { resolve: (message: Buffer) => void; reject: (error: Error) => void } | undefined;
  let failure: Error | undefined;

  const fail = (error: Error): void => {
    failure ??= error;
    waiting?.reject(failure);
    waiting = undefined;
  };
  const onData = (chunk: Buffer): void => {
    buffered = Buffer.concat([buffered, chunk]);
    const size = completeMessageSize(buffered);
    if (size === 'too-large') {
      fail(new DirectoryError('DIRECTORY_ERROR', 'The domain controller sent an LDAP message larger than 1 MiB during sign-in.'));
      return;
    }
    if (size === undefined || waiting === undefined) return;
    const message = buffered.subarray(0, size);
    buffered = buffered.subarray(size);
    waiting.resolve(message);
    waiting = undefined;
  };
  const onError = (error: Error): void => {
    fail(error);
  };
  const onClose = (): void => {
    fail(new DirectoryError('CONNECTION_LOST', 'The domain controller closed the connection during sign-in.'));
  };
  socket.on('data', onData);
  socket.on('error', onError);
  socket.on('close', onClose);

  async function exchange(messageId: number, writeOperation: (writer: BerWriter) => void): Promise<LdapResult> {
    if (failure) throw failure;
    const writer = new BerWriter();
    writer.startSequence();
    writer.writeInt(messageId);
    writeOperation(writer);
    writer.endSequence();
    const answer = new Promise<Buffer>((resolve, reject) => {
      waiting = { resolve, reject };
    });
    const timer = setTimeout(() => {
      fail(new DirectoryError('TIMEOUT'));
    }, timeoutMs);
    try {
      socket.write(writer.buffer);
      const result = parseResult(await answer);
      if (result.messageId === 0) {
        throw new DirectoryError(
          'CONNECTION_LOST',
          `The domain controller ended the connection during sign-in: ${result.diagnosticMessage || 'no reason given'}.`,
        );
      }
      if (result.messageId !== messageId)
        throw new DirectoryError('DIRECTORY_ERROR', 'The domain controller answered another request than the one sent during sign-in.');
      return result;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    exchange,
    /** Stop listening: the socket goes to the LDAP library with nothing read ahead. */
    release(): void {
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
      if (buffered.length > 0) throw new DirectoryError('DIRECTORY_ERROR', 'The domain controller sent an unexpected message during sign-in.');
    },
  };
}

/** The length of the first whole BER element in `data`, undefined while it is incomplete. */
function completeMessageSize(data: Buffer): number | 'too-large' | undefined {
  if (data.length < 2) return undefined;
  const first = data.readUInt8(1);
  if (first < 0x80) return data.length >= 2 + first ? 2 + first : undefined;
  const lengthBytes = first & 0x7f;
  if (lengthBytes === 0 || lengthBytes > 4) return 'too-large';
  if (data.length < 2 + lengthBytes) return undefined;
  const length = data.readUIntBE(2, lengthBytes);
  if (length > MAX_MESSAGE_BYTES) return 'too-large';
  const total = 2 + lengthBytes + length;
  return data.length >= total ? total : undefined;
}

function parseResult(message: Buffer): LdapResult {
  try {
    const reader = new BerReader(message);
    reader.readSequence();
    const messageId = reader.readInt() ?? -1;
    const operation = reader.readSequence() ?? -1;
    const end = reader.offset + reader.length;
    const resultCode = reader.readEnumeration() ?? -1;
    reader.readString();
    const diagnosticMessage = reader.readString() ?? '';
    let serverSaslCredentials: Buffer | undefined;
    while (reader.offset < end) {
      const tag = reader.peek();
      if (tag === SERVER_SASL_CREDENTIALS) serverSaslCredentials = reader.readString(SERVER_SASL_CREDENTIALS, true) ?? Buffer.alloc(0);
      else if (tag === REFERRAL || tag !== null) reader.readString(tag, true);
      else break;
    }
    return { messageId, operation, resultCode, diagnosticMessage, serverSaslCredentials };
  } catch (error) {
    throw new DirectoryError('DIRECTORY_ERROR', 'The domain controller sent an LDAP answer this tool cannot read during sign-in.', String(error));
  }
}
