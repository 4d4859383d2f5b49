import { z } from 'zod';

/** Electronegativity's severities, lowest first. */
export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;

/** One Electronegativity severity. */
export type Severity = (typeof SEVERITIES)[number];

/** One finding of an Electronegativity scan. */
export type Finding = {
  readonly check: string;
  readonly severity: Severity;
  readonly confidence: string;
  /** Path relative to the scanned folder, or `N/A` for a finding about the whole app. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly sample: string;
  readonly description: string;
};

// The runner's issue objects, as far as a finding needs them; anything else means the tool
// changed and its answer cannot be trusted.
const IssueSchema = z.object({
  id: z.string().min(1),
  severity: z.object({ name: z.enum(SEVERITIES) }),
  confidence: z.object({ name: z.string() }),
  file: z.string(),
  location: z.object({ line: z.number(), column: z.number() }).partial(),
  sample: z.string().nullish(),
  description: z.string(),
});

/**
 * Turn the issues Electronegativity's runner answers into findings.
 *
 * Strict on purpose: the tool exits 0 whatever it finds, so an issue of an unknown shape or
 * severity means its answer cannot be trusted and is an error, never "no findings".
 */
export function findingsFromIssues(issues: readonly unknown[]): Finding[] {
  return issues.map((issue, index) => {
    const parsed = IssueSchema.safeParse(issue);
    if (!parsed.success)
      throw new Error(
        `Electronegativity's issue ${String(index + 1)} has a shape this gate does not understand (${parsed.error.issues[0]?.message ?? 'unknown'}).`,
      );
    const { id, severity, confidence, file, location, sample, description } = parsed.data;
    return {
      check: id,
      severity: severity.name,
      confidence: confidence.name,
      file,
      line: location.line ?? 0,
      column: location.column ?? 0,
      sample: sample ?? 'N/A',
      description,
    };
  });
}

/** Whether a finding blocks the gate: anything above informational. */
export function isBlocking(finding: Finding): boolean {
  return finding.severity !== 'INFORMATIONAL';
}
