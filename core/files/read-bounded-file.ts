import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

const CHUNK_BYTES = 64 * 1024;
// O_NONBLOCK: opening a FIFO without a writer would otherwise wait forever. Windows has neither the flag nor FIFOs.
const PLATFORM_FLAGS = constants as Partial<typeof constants>;
const OPEN_FLAGS = constants.O_RDONLY | (PLATFORM_FLAGS.O_NONBLOCK ?? 0) | (PLATFORM_FLAGS.O_NOCTTY ?? 0);

/** Why a file was not read: missing or unreadable, not a regular file, over the limit, or too slow. */
export type BoundedReadRefusal = 'unreadable' | 'not-a-file' | 'too-large' | 'timed-out';

/**
 * A file the bounded reader refused, and why.
 *
 * Callers word the refusal themselves (the CA file reader says one thing whatever the reason).
 */
export class BoundedReadError extends Error {
  override readonly name = 'BoundedReadError';
  readonly reason: BoundedReadRefusal;

  constructor(reason: BoundedReadRefusal, options?: ErrorOptions) {
    super(`The file was not read (${reason}).`, options);
    this.reason = reason;
  }
}

/** The limit, the deadline and a signal that stops the read early. */
export type BoundedReadOptions = { readonly maxBytes: number; readonly timeoutMs: number; readonly signal?: AbortSignal | undefined };

/**
 * Read a file a picker or an admin named, safely: a regular file only, within a size limit and a deadline.
 *
 * The file is opened non-blocking (a FIFO then opens at once) and its open handle checked,
 * so a device, pipe, socket or folder is refused before one byte is read; the size limit is
 * enforced while reading, since `stat` says 0 for `/dev/zero`.
 */
export async function readBoundedFile(path: string, options: BoundedReadOptions): Promise<Uint8Array> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal === undefined ? deadline : AbortSignal.any([options.signal, deadline]);
  if (signal.aborted) throw new BoundedReadError('timed-out');
  return untilAborted(readBounded(path, options.maxBytes, signal), signal);
}

async function readBounded(path: string, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    throw new BoundedReadError('unreadable', { cause: error });
  }
  try {
    stopIfAborted(signal);
    const facts = await handle.stat();
    if (!facts.isFile()) throw new BoundedReadError('not-a-file');
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      stopIfAborted(signal);
      const buffer = new Uint8Array(CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new BoundedReadError('too-large');
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof BoundedReadError) throw error;
    throw new BoundedReadError('unreadable', { cause: error });
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function stopIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new BoundedReadError('timed-out');
}

/** The work's result, or a `timed-out` refusal as soon as the signal fires (the work then ends by itself). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(new BoundedReadError('timed-out'));
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
