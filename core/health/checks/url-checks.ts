import net from 'node:net';
import { API_ROUTES } from '../../../contract/connector-api/index.ts';
import type { HealthContext } from '../health-context.ts';
import type { HealthCheckDefinition } from '../health-runner.ts';
import type { CheckOutcome } from '../health-types.ts';
import { probeHttp } from '../probes/http-probe.ts';
import { fail, humanDuration, notRunOutcome, pass, quoted, warn } from './outcomes.ts';

const VERIFICATION_PATH = API_ROUTES.serverCertification.path;
const VERIFICATION_MARK = 'ServerCertificationWebService';

/** The load-balanced name is in DNS and something listens on its port. */
export const connectorUrlResolves: HealthCheckDefinition<HealthContext> = {
  code: 'CONNECTOR_URL_RESOLVES',
  title: 'The connector URL resolves and answers',
  dependsOn: [],
  async run(context, signal) {
    const host = context.connectorUrl.hostname;
    const resolution = await context.connectorResolution();
    if (!resolution.ok)
      return fail(
        `${resolution.reason}.`,
        `Create the DNS record for ${host} pointing at the load balancer's virtual IP address (not at one node), then run the check again.`,
      );
    const address = resolution.addresses[0] ?? '';
    const connected = await connectTcp(address, context.port, context.requestTimeoutMs, signal);
    const measured = `${host} → ${resolution.addresses.join(', ')} (DNS ${humanDuration(resolution.durationMs)}); TCP port ${String(context.port)} on ${address} ${connected.ok ? `answered in ${humanDuration(connected.durationMs)}` : `did not answer (${connected.code})`}.`;
    if (!connected.ok)
      return fail(
        measured,
        `Check that the load balancer listens on port ${String(context.port)} for ${host} and that no firewall between this computer and it drops the connection.`,
      );
    if (net.isIP(host.replace(/^\[|\]$/g, '')) !== 0) {
      return warn(
        measured,
        'Use a DNS name (the load-balanced name) rather than an IP address: certificates name hosts, and servers configured with an address must all be reconfigured when it changes.',
      );
    }
    return pass(measured);
  },
};

/** The verification page answers through the load-balanced name, as the seeds tell admins to test. */
export const verificationPageUrl: HealthCheckDefinition<HealthContext> = {
  code: 'VERIFICATION_PAGE_URL',
  title: 'The verification page answers through the connector URL',
  dependsOn: ['CONNECTOR_URL_RESOLVES'],
  async run(context, signal) {
    const resolution = await context.connectorResolution();
    if (!resolution.ok) return notRunOutcome(resolution.reason);
    const url = new URL(VERIFICATION_PATH, context.connectorUrl);
    return verificationOutcome(url, await getPage(context, url, resolution.addresses[0] ?? '', [context.connectorUrl.hostname], signal), 'the load balancer');
  },
};

/** The verification page answers on every node by its own URL, so a broken node is found before the load balancer sends it work. */
export const verificationPageNode: HealthCheckDefinition<HealthContext> = {
  code: 'VERIFICATION_PAGE_NODE',
  title: 'The verification page answers on every connector node',
  dependsOn: [],
  async run(context, signal) {
    const read = await context.nodes();
    if (!read.ok) return notRunOutcome(read.reason);
    const alive = read.value.nodes.filter((node) => node.alive);
    if (alive.length === 0) return notRunOutcome('No connector node is alive to ask (see NODE_HEARTBEAT_RECENT).');
    const outcomes = await Promise.all(
      alive.map(async (node) => {
        let url: URL;
        try {
          url = new URL(VERIFICATION_PATH, node.url);
        } catch {
          return { node: node.name, outcome: fail(`registered URL ${quoted(node.url)} is not a URL`, '') };
        }
        const resolution = await context.resolve(url.hostname);
        if (!resolution.ok) return { node: node.name, outcome: fail(resolution.reason, '') };
        // A node's certificate may name the node or only the load-balanced name: accept either.
        const page = await getPage(context, url, resolution.addresses[0] ?? '', [url.hostname, context.connectorUrl.hostname], signal);
        return { node: node.name, outcome: verificationOutcome(url, page, quoted(node.name)) };
      }),
    );
    const measured = outcomes.map((entry) => `${quoted(entry.node)}: ${entry.outcome.measured}`).join(' ');
    const failed = outcomes.filter((entry) => entry.outcome.status === 'fail').map((entry) => quoted(entry.node));
    if (failed.length > 0)
      return fail(
        measured,
        `Open ${VERIFICATION_PATH} on ${failed.join(', ')} in a browser on that server; repair or restart the connector there (IIS site started, the connector web service installed), or take the node out of the load balancer.`,
      );
    if (outcomes.some((entry) => entry.outcome.status === 'warn'))
      return warn(
        measured,
        'Open the verification page in a browser on a domain-joined computer: it asks for Windows authentication, which this check does not send.',
      );
    return pass(measured);
  },
};

type PageAnswer = Awaited<ReturnType<typeof probeHttp>>;

function getPage(context: HealthContext, url: URL, address: string, acceptedNames: readonly string[], signal: AbortSignal): Promise<PageAnswer> {
  return probeHttp({ url, address, ca: context.ca, acceptedNames, timeoutMs: context.requestTimeoutMs, maxBytes: 256 * 1024, signal });
}

function verificationOutcome(url: URL, answer: PageAnswer, via: string): CheckOutcome {
  if (!answer.ok) {
    const certificate = answer.code.startsWith('ERR_TLS') || answer.code.includes('CERT') || answer.code.includes('SIGNATURE');
    return fail(
      `${url.href} gave no answer: ${answer.code} after ${humanDuration(answer.durationMs)}.`,
      certificate
        ? 'The certificate was refused: see the TLS_CERT_* checks for which rule it breaks.'
        : `Check that ${via} forwards to running connector nodes and that IIS serves the connector web site.`,
    );
  }
  const found = answer.body.toString('utf8').includes(VERIFICATION_MARK);
  const measured = `${url.href} answered HTTP ${String(answer.status)} in ${humanDuration(answer.durationMs)}${found ? ` with the ${VERIFICATION_MARK} page` : ''}.`;
  if (answer.status === 200 && found) return pass(measured);
  if (answer.status === 401) return warn(measured, 'The page asks for Windows authentication.');
  return fail(
    measured,
    `Expected HTTP 200 with the ${VERIFICATION_MARK} page: check that ${via} reaches the connector web site and not another site on the same address.`,
  );
}

function connectTcp(
  address: string,
  port: number,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<{ ok: true; durationMs: number } | { ok: false; code: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port, timeout: timeoutMs, signal });
    socket.once('connect', () => {
      socket.destroy();
      resolve({ ok: true, durationMs: Math.round(performance.now() - started) });
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve({ ok: false, code: 'ETIMEDOUT' });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      resolve({ ok: false, code: error.code ?? error.message });
    });
  });
}
