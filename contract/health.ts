import { z } from 'zod';
import { typedLine } from './deployment-input.ts';

/** The outcome of one deployment check; `not-run` always carries the reason. */
export const HealthStatusSchema = z.enum(['pass', 'warn', 'fail', 'not-run']);
/** See {@link HealthStatusSchema}. */
export type HealthStatus = z.infer<typeof HealthStatusSchema>;

/**
 * What the Deployment health view asks main to check.
 *
 * `caFileId` names a CA file main holds (chosen with `ca-file:choose`; the renderer never sends
 * a path), a PEM root to trust besides the system store; `proxyUrl` is
 * the connectors' `ProxyAddress` value to check, not a proxy for the console itself.
 */
export const HealthRunRequestSchema = z
  .object({
    connectorUrl: typedLine(2048),
    caFileId: z.uuid().optional(),
    proxyUrl: typedLine(2048).optional(),
    operationId: z.uuid(),
  })
  .strict();
/** See {@link HealthRunRequestSchema}. */
export type HealthRunRequest = z.infer<typeof HealthRunRequestSchema>;

/**
 * What one check found at one address of the connector name.
 *
 * A name behind round-robin DNS (or a load balancer with several addresses) is only as good as
 * its worst address, so the TLS and certificate checks probe each one; this says which answered
 * what, for scripts that must not parse `measured`. `not-run` carries the reason, as a check does.
 */
export const HealthAddressResultSchema = z
  .object({ address: z.string(), status: HealthStatusSchema, measured: z.string(), notRunReason: z.string().optional() })
  .strict();
/** See {@link HealthAddressResultSchema}. */
export type HealthAddressResult = z.infer<typeof HealthAddressResultSchema>;

/**
 * One check's result: stable code, status, what was measured and what to do.
 *
 * `addresses` is present only on a check that probed each address of the connector name and
 * found more than one; `measured` already names every address that differs.
 */
export const HealthCheckResultSchema = z
  .object({
    code: z.string().regex(/^[A-Z0-9_]{1,64}$/),
    status: HealthStatusSchema,
    title: z.string(),
    measured: z.string(),
    action: z.string(),
    notRunReason: z.string().optional(),
    addresses: z.array(HealthAddressResultSchema).optional(),
    durationMs: z.number().int().nonnegative(),
  })
  .strict();
/** See {@link HealthCheckResultSchema}. */
export type HealthCheckResult = z.infer<typeof HealthCheckResultSchema>;

/** Counts per status, for a one-line summary and the CLI's exit code. */
export const HealthSummarySchema = z.object({ pass: z.number().int(), warn: z.number().int(), fail: z.number().int(), notRun: z.number().int() }).strict();
/** See {@link HealthSummarySchema}. */
export type HealthSummary = z.infer<typeof HealthSummarySchema>;

/**
 * A whole run as the view shows it, plus the same report as plain text for a ticket.
 *
 * `text` is formatted in main by the same function as the CLI's output, so a ticket reads the
 * same whichever tool produced it; `loadBalancerChecklist` is the manual checklist's items.
 */
export const HealthReportSchema = z
  .object({
    connectorUrl: z.string(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    durationMs: z.number().int().nonnegative(),
    /** `fail` when any check failed, else `warn` when any warned, else `pass`. */
    overall: z.enum(['pass', 'warn', 'fail']),
    cancelled: z.boolean(),
    summary: HealthSummarySchema,
    results: z.array(HealthCheckResultSchema),
    loadBalancerChecklist: z.array(z.string()),
    text: z.string(),
  })
  .strict();
/** See {@link HealthReportSchema}. */
export type HealthReport = z.infer<typeof HealthReportSchema>;

/**
 * How far a running health check has got, for "5 of 17: Certificate chain".
 *
 * Null when main knows no run by that id (finished, cancelled, or never started).
 */
export const HealthProgressSchema = z
  .object({ total: z.number().int().nonnegative(), finished: z.number().int().nonnegative(), running: z.array(z.string()) })
  .strict()
  .nullable();
/** See {@link HealthProgressSchema}. */
export type HealthProgress = z.infer<typeof HealthProgressSchema>;
