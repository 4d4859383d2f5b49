import { certificateChain, certificateName, certificateValidity } from './checks/certificate-checks.ts';
import { certificateCrl } from './checks/crl-check.ts';
import { listNotEmpty, nodeNotAuthorized } from './checks/list-checks.ts';
import { superUsersReviewed } from './checks/super-user-checks.ts';
import { loadBalancerGuidance } from './checks/load-balancer-check.ts';
import { nodeHeartbeatRecent, nodesAtLeastTwo } from './checks/node-checks.ts';
import { httpPlaintext } from './checks/plaintext-check.ts';
import { legacyRefused, protocolModern } from './checks/protocol-checks.ts';
import { proxyAddressFormat, proxyOutbound } from './checks/proxy-checks.ts';
import { connectorUrlResolves, verificationPageNode, verificationPageUrl } from './checks/url-checks.ts';
import type { HealthContext } from './health-context.ts';
import type { HealthCheckDefinition } from './health-runner.ts';

/** Every deployment check, in report order (the order of `HEALTH_CHECK_CODES`). */
export const DEPLOYMENT_CHECKS: readonly HealthCheckDefinition<HealthContext>[] = [
  nodesAtLeastTwo,
  nodeHeartbeatRecent,
  connectorUrlResolves,
  verificationPageUrl,
  verificationPageNode,
  httpPlaintext,
  certificateName,
  certificateChain,
  certificateValidity,
  certificateCrl,
  protocolModern,
  legacyRefused,
  proxyAddressFormat,
  proxyOutbound,
  listNotEmpty,
  nodeNotAuthorized,
  superUsersReviewed,
  loadBalancerGuidance,
];
