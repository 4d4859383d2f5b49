import { X509Certificate } from 'node:crypto';
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** The largest CA file read: a PEM bundle of a few roots is a few kilobytes. */
export const MAX_CA_FILE_BYTES = 1024 * 1024;

/** How long reading one CA file may take by default (a stalled network share, say). */
export const CA_FILE_TIMEOUT_MS = 5_000;

const CHUNK_BYTES = 64 * 1024;
// O_NONBLOCK: opening a FIFO without a writer would otherwise wait forever. Windows has neither the flag nor FIFOs.
const PLATFORM_FLAGS = constants as Partial<typeof constants>;
const OPEN_FLAGS = constants.O_RDONLY | (PLATFORM_FLAGS.O_NONBLOCK ?? 0) | (PLATFORM_FLAGS.O_NOCTTY ?? 0);
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----/g;

/** Why a CA file was refused; kept for the CLI's wording and logs, never for the console renderer. */
export type CaFileRefusal = 'unreadable' | 'not-a-file' | 'too-large' | 'not-pem' | 'timed-out';

/**
 * The one message every refusal carries.
 *
 * The same words whether the file is missing, not readable, a device, too big or not a
 * certificate: a caller that is not trusted with the file system learns nothing about it.
 */
export const CA_FILE_REFUSED_MESSAGE = 'The file cannot be used as a CA file: give a PEM (Base-64 encoded X.509) certificate file of at most 1 MiB.';

/**
 * A CA file that was refused, with the uniform message and the reason apart.
 *
 * `reason` is for the admin's own shell (the CLI) via {@link describeCaFileRefusal}; the
 * console shows only the message.
 */
export class CaFileError extends Error {
  override readonly name = 'CaFileError';
  readonly reason: CaFileRefusal;

  constructor(reason: CaFileRefusal, options?: ErrorOptions) {
    super(CA_FILE_REFUSED_MESSAGE, options);
    this.reason = reason;
  }
}

/** One certificate of a CA file, as the console shows it ("Contoso Root CA, until 2031-05-01"). */
export type CaCertificateSummary = { readonly subject: string; readonly expiresAt: string };

/** A CA file's certificates: the PEM to trust and what each certificate is. */
export type CaFile = { readonly pem: string; readonly certificates: readonly CaCertificateSummary[] };

/** How long reading may take, and a signal that stops it early. */
export type ReadCaFileOptions = { readonly timeoutMs?: number | undefined; readonly signal?: AbortSignal | undefined };

/**
 * Read a CA file safely: a regular file only, at most 1 MiB, within a deadline, PEM X.509 only.
 *
 * The file is opened non-blocking (a FIFO then opens at once) and its open handle checked,
 * so a device, pipe, socket or folder is refused before one byte is read; the size limit is
 * enforced while reading, since `stat` says 0 for `/dev/zero`. Every certificate must parse.
 */
export async function readCaFile(path: string, options: ReadCaFileOptions = {}): Promise<CaFile> {
  const timeoutMs = options.timeoutMs ?? CA_FILE_TIMEOUT_MS;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal === undefined ? deadline : AbortSignal.any([options.signal, deadline]);
  if (signal.aborted) throw new CaFileError('timed-out');
  const bytes = await untilAborted(readBounded(path, signal), signal);
  return parseCaPem(bytes);
}

/**
 * Check PEM text holds X.509 certificates and summarize them.
 *
 * For text that did not come from a file (a test, a remembered value); refuses with the same
 * {@link CaFileError} as {@link readCaFile}.
 */
export function parseCaPem(bytes: Uint8Array | string): CaFile {
  let text: string;
  try {
    text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new CaFileError('not-pem', { cause: error });
  }
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new CaFileError('not-pem');
  const certificates = blocks.map((block) => {
    try {
      const certificate = new X509Certificate(block);
      return { subject: certificate.subject.split('\n').join(', '), expiresAt: new Date(certificate.validTo).toISOString() };
    } catch (error) {
      throw new CaFileError('not-pem', { cause: error });
    }
  });
  return { pem: `${blocks.join('\n')}\n`, certificates };
}

const REASON_TEXT: Record<CaFileRefusal, string> = {
  unreadable: 'it does not exist or this account cannot read it',
  'not-a-file': 'it is not a regular file (a device, pipe, socket or folder)',
  'too-large': 'it is larger than 1 MiB',
  'not-pem': 'it holds no PEM (Base-64 encoded X.509) certificate',
  'timed-out': 'reading it took too long',
};

/**
 * The refusal in the admin's own shell: the path they typed and why, in one sentence.
 *
 * "Missing" and "not readable" stay one reason here too, as the issue asks of every caller.
 */
export function describeCaFileRefusal(path: string, error: CaFileError): string {
  return `The CA file "${path}" cannot be used: ${REASON_TEXT[error.reason]}. Give a PEM (Base-64 encoded X.509) certificate file of at most 1 MiB.`;
}

async function readBounded(path: string, signal: AbortSignal): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    throw new CaFileError('unreadable', { cause: error });
  }
  try {
    stopIfAborted(signal);
    const facts = await handle.stat();
    if (!facts.isFile()) throw new CaFileError('not-a-file');
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      stopIfAborted(signal);
      const buffer = new Uint8Array(CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > MAX_CA_FILE_BYTES) throw new CaFileError('too-large');
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof CaFileError) throw error;
    throw new CaFileError('unreadable', { cause: error });
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function stopIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new CaFileError('timed-out');
}

/** The work's result, or a `timed-out` refusal as soon as the signal fires (the work then ends by itself). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(new CaFileError('timed-out'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
