/** One connector node as HAProxy sees it: a name and where it listens. */
export type BackendNode = { readonly name: string; readonly host: string; readonly port: number };

/** What a load balancer in front of connector nodes is built from. */
export type LoadBalancerLayout = {
  readonly listenPort: number;
  /** The stats page (CSV at /stats;csv): which nodes HAProxy holds up or down. */
  readonly statsPort: number;
  /**
   * TLS in front and to the nodes: the certificate and key clients see in one PEM file (HAProxy's
   * `crt`), the CA that issued the nodes' certificate (HAProxy verifies every node) and the name in
   * it (the same certificate on every node). Absent, plain HTTP on loopback (the service bench).
   */
  readonly tls?: { readonly certificateAndKeyFile: string; readonly nodeCaFile: string; readonly nodeCertificateName: string } | undefined;
  readonly nodes: readonly BackendNode[];
  /** How often a node is checked, and after how many failures it is taken out. */
  readonly checkIntervalMs: number;
  readonly failuresBeforeDown: number;
};

/** The node health check the seeds prescribe: the connector's own verification page. */
export const NODE_CHECK_PATH = '/_wmcs/certification/servercertification.asmx';

/**
 * An HAProxy 2.6 configuration for connector nodes: TLS in front, TLS to every node with its
 * certificate verified, round robin, and the verification page as the active health check.
 *
 * Only failed connections are retried on another node (`retry-on conn-failure`): a request that
 * reached a node is never sent twice by the balancer, so a write is never doubled behind the
 * client's back. docs/high-availability.md shows the same configuration for production.
 */
export function renderHaproxyConfig(layout: LoadBalancerLayout): string {
  const servers = layout.nodes.map((node) => `  server ${node.name} ${node.host}:${String(node.port)}`);
  return [
    'global',
    '  maxconn 4096',
    '  ssl-default-bind-options ssl-min-ver TLSv1.2',
    '  ssl-default-server-options ssl-min-ver TLSv1.2',
    '',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  retries 2',
    '  option redispatch',
    '  retry-on conn-failure',
    '',
    'frontend connector',
    `  bind 127.0.0.1:${String(layout.listenPort)}${layout.tls ? ` ssl crt ${layout.tls.certificateAndKeyFile}` : ''}`,
    '  option forwardfor',
    '  default_backend connector_nodes',
    '',
    'backend connector_nodes',
    '  balance roundrobin',
    `  option httpchk GET ${NODE_CHECK_PATH}`,
    '  http-check expect status 200',
    `  default-server check inter ${String(layout.checkIntervalMs)}ms fall ${String(layout.failuresBeforeDown)} rise 2${
      layout.tls
        ? ` ssl verify required ca-file ${layout.tls.nodeCaFile} verifyhost ${layout.tls.nodeCertificateName} sni str(${layout.tls.nodeCertificateName})`
        : ''
    }`,
    ...servers,
    '',
    'frontend stats',
    `  bind 127.0.0.1:${String(layout.statsPort)}`,
    '  stats enable',
    '  stats uri /stats',
    '',
  ].join('\n');
}
