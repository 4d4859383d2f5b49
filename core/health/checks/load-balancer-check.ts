import type { HealthContext } from '../health-context.ts';
import type { HealthCheckDefinition } from '../health-runner.ts';
import { notRunOutcome } from './outcomes.ts';

/** The load-balancer settings the documentation asks for, as a checklist the admin ticks off. */
export const LOAD_BALANCER_CHECKLIST: readonly string[] = [
  'Ports 80 and 443 forwarded to every connector node (443 only once HTTPS is configured everywhere).',
  'Affinity (persistence): None.',
  'Distribution: Equal (round robin), across all nodes.',
  'Health probe on /_wmcs/certification/servercertification.asmx, so a broken node leaves the pool.',
  'No SSL inspection between the servers and the connectors (it causes event 3000 "empty response").',
  'The connector URL is final: renaming it later means reconfiguring every Exchange, SharePoint and file server.',
];

/**
 * Load-balancer guidance: its settings are visible only on the load balancer, so this is a
 * manual checklist, with the little that can be seen from here.
 */
export const loadBalancerGuidance: HealthCheckDefinition<HealthContext> = {
  code: 'LOAD_BALANCER_GUIDANCE',
  title: 'Load balancer settings (manual checklist)',
  dependsOn: [],
  async run(context) {
    const resolution = await context.connectorResolution();
    const nodes = await context.nodes();
    const seen = [
      resolution.ok ? `${context.connectorUrl.hostname} resolves to ${resolution.addresses.join(', ')}` : `${context.connectorUrl.hostname} does not resolve`,
      nodes.ok ? `${String(nodes.value.nodes.filter((node) => node.alive).length)} node(s) alive behind it` : 'the node count is unknown (not signed in)',
    ];
    return notRunOutcome(
      "Manual: the load balancer's settings cannot be read from here; check them on the load balancer.",
      `${seen.join('; ')}.`,
      LOAD_BALANCER_CHECKLIST.map((item) => `[ ] ${item}`).join(' '),
    );
  },
};
