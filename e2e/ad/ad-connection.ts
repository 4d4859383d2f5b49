import { z } from 'zod';

/**
 * Shape of the connection details that `ad-up` prints and tests consume.
 *
 * Tests receive these as JSON from another process, so they are validated at the boundary
 * instead of being trusted; `dnsServer` is present only when the DC answers DNS for discovery.
 */
export const AdConnectionSchema = z.object({
  url: z.string().startsWith('ldaps://'),
  caFile: z.string().min(1),
  serverName: z.string().min(1),
  user: z.string().min(1),
  password: z.string().min(1),
  baseDn: z.string().min(1),
  netbiosDomain: z.string().min(1),
  dnsServer: z.string().min(1).optional(),
});

/**
 * How to reach and authenticate to the test domain controller.
 *
 * Derived from the schema so the runtime check and the static type never drift apart.
 */
export type AdConnection = z.infer<typeof AdConnectionSchema>;
