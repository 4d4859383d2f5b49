import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { API_ROUTES, buildOpenApiDocument } from '../../contract/connector-api/index.ts';
import { createAllowedMethods } from './http/allowed-methods.ts';
import { answerClientError, answerFrameworkError, installErrorHandling } from './http/error-handler.ts';
import { registerAdministrationRoutes } from './routes/administration-routes.ts';
import { registerAdministratorRoutes } from './routes/administrator-routes.ts';
import { registerAuthorizedAccountRoutes } from './routes/authorized-account-routes.ts';
import { registerConnectorPages } from './routes/connector-pages.ts';
import { registerEventRoutes } from './routes/event-routes.ts';
import { registerSessionRoutes } from './routes/session-routes.ts';
import { registerSuperUserRoutes } from './routes/super-user-routes.ts';
import { routeHostOf, type ServiceContext } from './service-context.ts';

/**
 * Request headers up to 64 KiB (Node's default is 16 KiB): a Negotiate token of an account in
 * many groups carries a large PAC, up to Windows' 48,000-byte MaxTokenSize, as base64.
 */
const MAX_HEADER_BYTES = 64 * 1024;

/** Where the service writes its JSON log lines (pino), and how much. */
export type ServiceLogging = { readonly level: 'silent' | 'error' | 'warn' | 'info' | 'debug'; readonly stream?: NodeJS.WritableStream };

/**
 * Build the HTTP app over a ready context: routes, the OpenAPI document, error shapes and
 * security headers. Listening is the caller's business (tests inject or listen on port 0).
 */
export async function buildServiceApp(
  context: ServiceContext,
  logging: ServiceLogging,
  https?: { cert: Buffer; key: Buffer },
  trustedProxies: readonly string[] = [],
): Promise<FastifyInstance> {
  const app = Fastify({
    ...(https ? { https: { ...https, minVersion: 'TLSv1.2' as const, maxHeaderSize: MAX_HEADER_BYTES } } : { http: { maxHeaderSize: MAX_HEADER_BYTES } }),
    logger: {
      level: logging.level,
      ...(logging.stream ? { stream: logging.stream } : {}),
      // Belt and braces: the default serializers log no headers or bodies, and these paths
      // stay redacted if anyone ever adds them.
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'body.password', 'password', 'token'], censor: '[redacted]' },
    },
    bodyLimit: 64 * 1024,
    // One line per request, when it is answered (below), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // Only named balancers may set the client address (X-Forwarded-For): anyone else could forge the audit's source.
    trustProxy: trustedProxies.length === 0 ? false : [...trustedProxies],
    return503OnClosing: true,
    requestIdHeader: false,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, url: request.url, statusCode: reply.statusCode, responseTime: Math.round(reply.elapsedTime * 10) / 10, source: request.ip },
      'request answered',
    );
  });
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer').header('x-frame-options', 'DENY');
  });
  installErrorHandling(app, createAllowedMethods([...Object.values(API_ROUTES), { method: 'GET', path: '/openapi.json' }]));
  const document = buildOpenApiDocument(Object.values(API_ROUTES), { version: context.version });
  app.get('/openapi.json', () => Promise.resolve(document));
  const host = routeHostOf(app, context);
  registerSessionRoutes(host, context);
  registerAuthorizedAccountRoutes(host, context);
  registerAdministrationRoutes(host, context);
  registerAdministratorRoutes(host, context);
  registerSuperUserRoutes(host, context);
  registerEventRoutes(host, context);
  registerConnectorPages(host, context);
  await app.ready();
  return app;
}
