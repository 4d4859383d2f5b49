import { isIP } from 'node:net';
import tls from 'node:tls';

/** One TLS handshake to make: where, as which name, with which protocol range and trust. */
export type TlsProbeOptions = {
  /** The address to connect to (already resolved). */
  readonly address: string;
  readonly port: number;
  /** The connector host: sent as SNI and checked against the certificate. */
  readonly hostName: string;
  readonly ca: readonly string[];
  readonly minVersion: tls.SecureVersion;
  readonly maxVersion: tls.SecureVersion;
  /** OpenSSL cipher string; legacy probes lower the security level to be able to offer TLS 1.0. */
  readonly ciphers?: string | undefined;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
};

/**
 * What the handshake showed. `completed` means the server agreed on a protocol and sent its
 * certificate; `verifyError` then says why verification failed, if it did.
 */
export type TlsProbeResult =
  | {
      readonly handshake: 'completed';
      readonly protocol: string;
      readonly cipher: string;
      /** DER, leaf first, as the server presented it (plus the trusted root when verification found one). */
      readonly chain: readonly Buffer[];
      readonly verifyError: { readonly code: string; readonly message: string } | undefined;
      readonly durationMs: number;
    }
  | { readonly handshake: 'failed'; readonly code: string; readonly message: string; readonly durationMs: number };

/**
 * Make one handshake, send nothing, and report the protocol, the certificate chain and the
 * verification error.
 *
 * This is a handshake-only probe: it never carries data, and verification stays on
 * (`rejectUnauthorized: true`, the given trust store, Node's own host-name check). To still
 * read a certificate that fails verification, it listens to the socket's internal `secure`
 * event, which Node emits when the handshake is done and *before* it verifies and destroys
 * the socket; the tests fail if a Node upgrade ever changes that order.
 */
export function probeTls(options: TlsProbeOptions): Promise<TlsProbeResult> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    if (options.signal?.aborted) {
      resolve({ handshake: 'failed', code: 'ABORTED', message: 'The check was cancelled.', durationMs: 0 });
      return;
    }
    const socket = tls.connect({
      host: options.address,
      port: options.port,
      ...(isIP(options.hostName) === 0 ? { servername: options.hostName } : {}),
      ca: [...options.ca],
      rejectUnauthorized: true,
      checkServerIdentity: (_host, certificate) => tls.checkServerIdentity(options.hostName, certificate),
      minVersion: options.minVersion,
      maxVersion: options.maxVersion,
      ...(options.ciphers === undefined ? {} : { ciphers: options.ciphers }),
    });
    let captured: { protocol: string; cipher: string; chain: Buffer[] } | undefined;
    const finish = (result: TlsProbeResult): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = (): void => {
      finish({ handshake: 'failed', code: 'ABORTED', message: 'The check was cancelled.', durationMs: elapsed() });
    };
    const timer = setTimeout(() => {
      finish({ handshake: 'failed', code: 'ETIMEDOUT', message: `No TLS handshake within ${String(options.timeoutMs)} ms.`, durationMs: elapsed() });
    }, options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.prependListener('secure', () => {
      captured = { protocol: socket.getProtocol() ?? 'unknown', cipher: socket.getCipher().name, chain: chainOf(socket.getPeerCertificate(true)) };
    });
    socket.once('secureConnect', () => {
      const done = captured ?? {
        protocol: socket.getProtocol() ?? 'unknown',
        cipher: socket.getCipher().name,
        chain: chainOf(socket.getPeerCertificate(true)),
      };
      finish({ handshake: 'completed', ...done, verifyError: undefined, durationMs: elapsed() });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? 'ERROR';
      if (captured) finish({ handshake: 'completed', ...captured, verifyError: { code, message: error.message }, durationMs: elapsed() });
      else finish({ handshake: 'failed', code, message: error.message, durationMs: elapsed() });
    });
  });
}

function chainOf(leaf: tls.DetailedPeerCertificate): Buffer[] {
  const chain: Buffer[] = [];
  const seen = new Set<string>();
  // Node types `issuerCertificate` as always present; at run time it is missing past the last
  // certificate sent, and a root points at itself.
  let current = leaf as Partial<tls.DetailedPeerCertificate> | undefined;
  while (current?.raw !== undefined && current.fingerprint256 !== undefined && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    chain.push(current.raw);
    current = current.issuerCertificate;
  }
  return chain;
}

/** The trust store: Node's bundled roots, the operating system's store and the admin's CA file. */
export function trustedRoots(caPem: string | undefined): readonly string[] {
  return [...tls.getCACertificates('default'), ...tls.getCACertificates('system'), ...(caPem === undefined ? [] : [caPem])];
}
