import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi.ts';
import { API_ROUTES } from './routes.ts';

describe('openapi', () => {
  const document = buildOpenApiDocument(Object.values(API_ROUTES), { version: '1.2.3' }) as {
    openapi: string;
    paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown>; security?: unknown }>>;
  };

  it('documents every route once, as OpenAPI 3.1', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => `${method.toUpperCase()} ${path} ${operation.operationId}`),
    );
    expect({ openapi: document.openapi, operations: operations.sort() }).toEqual({
      openapi: '3.1.0',
      operations: Object.values(API_ROUTES)
        .map((route) => `${route.method} ${route.path} ${route.operationId}`)
        .sort(),
    });
  });

  it('marks exactly the token-protected operations with the bearer scheme, and Kerberos sign-in with negotiate', () => {
    const secured = (scheme: string) =>
      Object.values(document.paths).flatMap((methods) =>
        Object.values(methods)
          .filter((operation) => JSON.stringify(operation.security) === JSON.stringify([{ [scheme]: [] }]))
          .map((operation) => operation.operationId),
      );
    expect({ bearer: secured('bearer').sort(), negotiate: secured('negotiate') }).toEqual({
      bearer: Object.values(API_ROUTES)
        .filter((route) => route.auth)
        .map((route) => route.operationId)
        .sort(),
      negotiate: ['signInWithKerberos'],
    });
  });

  it('refuses unknown fields in request bodies (additionalProperties false)', () => {
    const add = document.paths['/v1/authorized-accounts']?.post as unknown as {
      requestBody: { content: { 'application/json': { schema: { additionalProperties: boolean; required: string[] } } } };
    };
    expect(add.requestBody.content['application/json'].schema).toMatchObject({ additionalProperties: false, required: ['sid', 'name', 'role'] });
  });
});
