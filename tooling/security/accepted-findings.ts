import type { Finding } from './electronegativity-findings.ts';

/**
 * A finding reviewed and accepted where no inline `eng-disable` comment can carry the reason
 * (global checks on an HTML page), recorded here with the reason and a guard on what was reviewed.
 */
export type AcceptedFinding = {
  readonly check: string;
  readonly file: string;
  /** What the reviewed finding's sample showed; a sample without it is a new finding. */
  readonly sampleIncludes: readonly string[];
  /** What the sample must not show: a policy that gained any of these is reviewed again. */
  readonly sampleExcludes: readonly string[];
  readonly reason: string;
};

/** The findings reviewed and accepted, each with why. Keep this list short. */
export const ACCEPTED_FINDINGS: readonly AcceptedFinding[] = [
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    sampleIncludes: ["default-src 'none'", "script-src 'self';", "object-src 'none'", "base-uri 'none'"],
    sampleExcludes: ['unsafe', '*', 'http:', 'https:', 'blob:'],
    reason:
      "The checker flags script-src 'self' because a web origin may host JSONP endpoints or user uploads. Here 'self' is app://console, " +
      'which serves only the files of the built renderer (main/shell/app-protocol.ts): no uploads, no JSONP, no network origin.',
  },
];

/** The acceptance covering a finding, if one does (same check, same file, the reviewed sample). */
export function acceptanceOf(finding: Finding, accepted: readonly AcceptedFinding[] = ACCEPTED_FINDINGS): AcceptedFinding | undefined {
  return accepted.find(
    (entry) =>
      entry.check === finding.check &&
      entry.file === finding.file &&
      entry.sampleIncludes.every((text) => finding.sample.includes(text)) &&
      !entry.sampleExcludes.some((text) => finding.sample.includes(text)),
  );
}
