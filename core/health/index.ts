/**
 * Deployment health: checks of a connector deployment (nodes, URL, certificate, TLS, proxy,
 * list, load balancer), each with a stable code, what it measured and what to do.
 */
export { parseConnectorUrl, HealthInputError } from './connector-url.ts';
export { formatHealthReport, formatHealthResult } from './format-health-report.ts';
export type { HealthDependencies, HealthInput } from './health-context.ts';
export { systemResolver } from './health-context.ts';
export { DEPLOYMENT_CHECKS } from './health-checks.ts';
export { HEALTH_CHECK_CODES } from './health-types.ts';
export type {
  CheckOutcome,
  HealthCheckCode,
  HealthCheckResult,
  HealthProgress,
  HealthReport,
  HealthResolver,
  HealthService,
  HealthStatus,
  HealthSummary,
} from './health-types.ts';
export { LOAD_BALANCER_CHECKLIST } from './checks/load-balancer-check.ts';
export { runDeploymentHealth, summarise, type DeploymentHealthOptions } from './run-deployment-health.ts';
