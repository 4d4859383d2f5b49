import http from 'node:http';
import tls from 'node:tls';
import { API_ROUTES } from '../../../contract/connector-api/index.ts';
import type { HealthContext } from '../health-context.ts';
import type { HealthCheckDefinition } from '../health-runner.ts';
import { probeHttp } from '../probes/http-probe.ts';
import { fail, humanDuration, notRunOutcome, pass, quoted } from './outcomes.ts';
import { parseProxyAddress } from './proxy-address.ts';

/** The `ProxyAddress` value, when one is set, has the form the connector reads. */
export const proxyAddressFormat: HealthCheckDefinition<HealthContext> = {
  code: 'PROXY_ADDRESS_FORMAT',
  title: 'The proxy address has the form http://host:port',
  dependsOn: [],
  run(context) {
    const value = context.input.proxyAddress;
    if (value === undefined) return Promise.resolve(notRunOutcome('No proxy address was given (--proxy); connectors with direct internet access need none.'));
    const parsed = parseProxyAddress(value);
    if (parsed.ok) return Promise.resolve(pass(`${quoted(value)}: proxy ${parsed.host}, port ${String(parsed.port)}.`));
    return Promise.resolve(
      fail(
        `${quoted(value)}: ${parsed.reason}`,
        'On every connector node set HKLM\\SOFTWARE\\Microsoft\\AADRM\\Connector, string value ProxyAddress, to http://<proxy>:<port>, then run iisreset (or restart the server).',
      ),
    );
  },
};

/**
 * The proxy lets an HTTPS connection through to the tenant's RMS service.
 *
 * The connector service exposes no outbound check of its own, so this is the smallest honest
 * one: from this computer, a CONNECT tunnel through the proxy to the tenant URL's host and a
 * verified TLS handshake inside it. It proves the proxy is reachable and allows the
 * destination; it cannot prove the connector nodes' own network path or the proxy's rules for
 * their computer accounts, which the result says.
 */
export const proxyOutbound: HealthCheckDefinition<HealthContext> = {
  code: 'PROXY_OUTBOUND',
  title: 'The proxy lets the connector reach the RMS service',
  dependsOn: ['PROXY_ADDRESS_FORMAT'],
  async run(context, signal) {
    const proxy = parseProxyAddress(context.input.proxyAddress ?? '');
    if (!proxy.ok) return notRunOutcome('No valid proxy address.');
    const tenant = await tenantUrlOf(context, signal);
    if (!tenant.ok) return notRunOutcome(tenant.reason);
    const proxyResolution = await context.resolve(proxy.host);
    const action = `Allow HTTPS (CONNECT to port 443) from the connector servers to ${tenant.url.hostname} and *.aadrm.com on the proxy, without user authentication (the connector uses its computer account).`;
    if (!proxyResolution.ok)
      return fail(`The proxy ${proxy.host}: ${proxyResolution.reason}.`, 'Correct ProxyAddress, or create the DNS record for the proxy.');
    const result = await tunnel(proxyResolution.addresses[0] ?? '', proxy.port, tenant.url, context, signal);
    const where = `Through ${proxy.host}:${String(proxy.port)} from this computer (not from the connector nodes) to ${tenant.url.host}`;
    if (result.ok) return pass(`${where}: tunnel in ${humanDuration(result.tunnelMs)}, ${result.protocol} handshake in ${humanDuration(result.handshakeMs)}.`);
    return fail(`${where}: ${result.reason}.`, action);
  },
};

async function tenantUrlOf(context: HealthContext, signal: AbortSignal): Promise<{ ok: true; url: URL } | { ok: false; reason: string }> {
  const given = context.input.tenantUrl;
  if (given !== undefined) return httpsUrl(given, 'The tenant URL');
  const resolution = await context.connectorResolution();
  if (!resolution.ok) return { ok: false, reason: `The tenant URL could not be read from the connector: ${resolution.reason}.` };
  const url = new URL(API_ROUTES.rmsoUri.path, context.connectorUrl);
  const answer = await probeHttp({ url, address: resolution.addresses[0] ?? '', ca: context.ca, timeoutMs: context.requestTimeoutMs, maxBytes: 4096, signal });
  if (!answer.ok || answer.status !== 200)
    return {
      ok: false,
      reason: `The tenant URL could not be read from ${url.href} (${answer.ok ? `HTTP ${String(answer.status)}` : answer.code}); give it with --tenant-url.`,
    };
  return httpsUrl(answer.body.toString('utf8').trim(), `The tenant URL from ${url.href}`);
}

function httpsUrl(text: string, what: string): { ok: true; url: URL } | { ok: false; reason: string } {
  try {
    const url = new URL(text);
    if (url.protocol === 'https:' && url.username === '' && url.password === '') return { ok: true, url };
  } catch {
    // Reported below.
  }
  return { ok: false, reason: `${what} ${quoted(text.slice(0, 200))} is not an https:// URL.` };
}

type TunnelResult = { ok: true; tunnelMs: number; handshakeMs: number; protocol: string } | { ok: false; reason: string };

function tunnel(proxyAddress: string, proxyPort: number, target: URL, context: HealthContext, signal: AbortSignal): Promise<TunnelResult> {
  const started = performance.now();
  const targetPort = target.port === '' ? 443 : Number(target.port);
  const authority = `${target.hostname}:${String(targetPort)}`;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      request.destroy();
      resolve({ ok: false, reason: `no answer within ${humanDuration(context.requestTimeoutMs)}` });
    }, context.requestTimeoutMs);
    const done = (result: TunnelResult): void => {
      clearTimeout(timer);
      resolve(result);
    };
    const request = http.request({
      host: proxyAddress,
      port: proxyPort,
      method: 'CONNECT',
      path: authority,
      headers: { host: authority, 'user-agent': 'rms-connector-admin health' },
      agent: false,
      signal,
    });
    request.once('error', (error: NodeJS.ErrnoException) => {
      done({ ok: false, reason: `the proxy could not be reached (${error.code ?? error.message})` });
    });
    request.once('connect', (response, socket) => {
      const tunnelMs = Math.round(performance.now() - started);
      if (response.statusCode !== 200) {
        socket.destroy();
        const status = response.statusCode ?? 0;
        done({ ok: false, reason: `the proxy refused the tunnel with HTTP ${String(status)}${status === 407 ? ' (it asks for authentication)' : ''}` });
        return;
      }
      const secure = tls.connect({ socket, servername: target.hostname, ca: [...context.ca], rejectUnauthorized: true, minVersion: 'TLSv1.2' });
      secure.once('secureConnect', () => {
        const protocol = secure.getProtocol() ?? 'TLS';
        secure.destroy();
        done({ ok: true, tunnelMs, handshakeMs: Math.round(performance.now() - started) - tunnelMs, protocol });
      });
      secure.once('error', (error: NodeJS.ErrnoException) => {
        secure.destroy();
        done({
          ok: false,
          reason: `the tunnel opened but the TLS handshake with ${target.hostname} failed (${error.code ?? error.message}); an SSL-inspecting proxy breaks the connector`,
        });
      });
    });
    request.end();
  });
}
