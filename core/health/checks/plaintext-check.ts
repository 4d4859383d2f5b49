import type { HealthContext } from '../health-context.ts';
import type { HealthCheckDefinition } from '../health-runner.ts';
import { pass, warn } from './outcomes.ts';

/** A plain http:// connector URL works, but carries Exchange and SharePoint data unencrypted. */
export const httpPlaintext: HealthCheckDefinition<HealthContext> = {
  code: 'HTTP_PLAINTEXT',
  title: 'Servers reach the connector over HTTPS',
  dependsOn: [],
  run(context) {
    if (context.connectorUrl.protocol === 'https:') return Promise.resolve(pass(`The connector URL ${context.connectorUrl.origin} uses HTTPS.`));
    return Promise.resolve(
      warn(
        `The connector URL ${context.connectorUrl.origin} is plain http://: requests and content keys between Exchange, SharePoint and file servers and the connector travel unencrypted (the connectors log warning 2002 for each such server).`,
        'Bind a server-authentication certificate for the connector name to the IIS "Default Web Site" on every node, open port 443 on the load balancer, and configure the servers with https:// (re-run the server configuration).',
      ),
    );
  },
};
