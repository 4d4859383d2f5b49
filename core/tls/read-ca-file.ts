import { X509Certificate } from 'node:crypto';
import { BoundedReadError, readBoundedFile } from '../files/read-bounded-file.ts';

/** The largest CA file read: a PEM bundle of a few roots is a few kilobytes. */
export const MAX_CA_FILE_BYTES = 1024 * 1024;

/** How long reading one CA file may take by default (a stalled network share, say). */
export const CA_FILE_TIMEOUT_MS = 5_000;

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
 * The bytes come from the one bounded reader (`core/files/read-bounded-file.ts`: a device,
 * pipe, socket or folder refused before one byte is read); every certificate must parse.
 */
export async function readCaFile(path: string, options: ReadCaFileOptions = {}): Promise<CaFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readBoundedFile(path, { maxBytes: MAX_CA_FILE_BYTES, timeoutMs: options.timeoutMs ?? CA_FILE_TIMEOUT_MS, signal: options.signal });
  } catch (error) {
    if (error instanceof BoundedReadError) throw new CaFileError(error.reason, { cause: error });
    throw error;
  }
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
