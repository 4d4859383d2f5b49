import { z } from 'zod';

/** A connector node as it registers itself and heartbeats. */
export const ConnectorNodeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.string(),
    url: z.string(),
    tls: z.boolean(),
    startedAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    /** False once the node missed three heartbeats in a row. */
    alive: z.boolean(),
  })
  .strict();
/** See {@link ConnectorNodeSchema}. */
export type ConnectorNode = z.infer<typeof ConnectorNodeSchema>;

/** `GET /v1/connectors`. */
export const ConnectorNodeListSchema = z
  .object({
    heartbeatSeconds: z.number().int().positive(),
    nodes: z.array(ConnectorNodeSchema),
  })
  .strict();
/** See {@link ConnectorNodeListSchema}. */
export type ConnectorNodeList = z.infer<typeof ConnectorNodeListSchema>;
