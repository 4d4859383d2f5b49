import { API_ROUTES } from '../../../contract/connector-api/index.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { registerRoute, type RouteHost } from '../http/register-route.ts';
import type { ServiceContext } from '../service-context.ts';

/**
 * The pages every connector node serves without sign-in.
 *
 * The verification page is what the seeds tell admins to open in a browser to prove a
 * server reaches the connector; GetRmsoUri gives the tenant URL the server-configuration
 * generator needs.
 */
export function registerConnectorPages(host: RouteHost, context: ServiceContext): void {
  registerRoute(host, API_ROUTES.serverCertification, () =>
    Promise.resolve({
      status: 200,
      body: serverCertificationPage(context.nodeName),
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    }),
  );
  registerRoute(host, API_ROUTES.rmsoUri, () => {
    if (context.tenantUrl === undefined)
      throw new ApiFailure('NOT_FOUND', 'This connector has no tenant URL configured. Set CONNECTOR_TENANT_URL (or --tenant-url) and restart it.');
    return Promise.resolve({ status: 200, body: context.tenantUrl, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  });
}

function serverCertificationPage(nodeName: string): string {
  const escaped = nodeName.replace(/[&<>"']/g, (character) => `&#${String(character.charCodeAt(0))};`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><title>ServerCertificationWebService Web Service</title></head>',
    '<body><h1>ServerCertificationWebService</h1>',
    '<p>The following operations are supported: Certify, GetServerInfo.</p>',
    `<p>Served by connector node ${escaped}.</p>`,
    '</body></html>',
    '',
  ].join('\n');
}
