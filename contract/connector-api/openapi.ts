import { z } from 'zod';
import type { RouteDefinition } from './routes.ts';

type JsonObject = Record<string, unknown>;

/**
 * Build the OpenAPI 3.1 document from the route table.
 *
 * The same zod schemas validate every request and response in the service, so the
 * document cannot drift from what the service accepts.
 */
export function buildOpenApiDocument(routes: readonly RouteDefinition[], info: { readonly version: string }): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) {
    const operations = (paths[route.path] ??= {});
    operations[route.method.toLowerCase()] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'RMS connector configuration service',
      version: info.version,
      description: 'The configuration every connector node shares: authorized accounts, administrators, nodes and audit.',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        negotiate: { type: 'http', scheme: 'negotiate', description: "SPNEGO with a Kerberos ticket for the node's HTTP service principal (RFC 4559)." },
      },
    },
    paths,
  };
}

function operationOf(route: RouteDefinition): JsonObject {
  const parameters: JsonObject[] = [
    ...propertiesOf(route.params).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
    ...propertiesOf(route.query).map(([name, schema, required]) => ({ name, in: 'query', required, schema })),
    ...(route.headers ?? []).map((header) => ({
      name: header.name,
      in: 'header',
      required: header.required,
      description: header.description,
      schema: { type: 'string' },
    })),
  ];
  const responses: JsonObject = {};
  for (const [status, response] of Object.entries(route.responses)) {
    const media = response.schema
      ? { 'application/json': { schema: jsonSchemaOf(response.schema, 'output') } }
      : { [response.contentType ?? 'text/plain']: { schema: { type: 'string' } } };
    const headers = Object.fromEntries(
      Object.entries(response.headers ?? {}).map(([name, description]) => [name, { description, schema: { type: 'string' } }]),
    );
    responses[status] = { description: response.description, content: media, ...(response.headers ? { headers } : {}) };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    ...(route.auth ? { security: [{ bearer: [] }] } : {}),
    ...(route.negotiate === true ? { security: [{ negotiate: [] }] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(route.body, 'input') } } } } : {}),
    responses,
  };
}

function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const json: JsonObject = { ...z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) };
  // The document declares its dialect once (OpenAPI 3.1 is JSON Schema 2020-12).
  delete json.$schema;
  return json;
}

function propertiesOf(schema: z.ZodType | undefined): [string, JsonObject, boolean][] {
  if (!schema) return [];
  const json = jsonSchemaOf(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => [name, property, required.has(name)]);
}
