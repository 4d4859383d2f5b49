import type { Resolution } from '../../contract/directory.ts';
import type { Finding } from '../../contract/policy.ts';
import type { AuthorizationFacts } from './authorization-facts.ts';
import { commonFindings } from './common-rules.ts';
import { bySeverity, finding } from './finding.ts';
import { roleFindings } from './role-rules.ts';

/**
 * Judge a proposed grant: every finding the role, the object and the current list call for.
 *
 * Pure: the facts were gathered beforehand. Errors block saving; each warning needs its own
 * acknowledgement by code; infos are guidance. Errors come first.
 */
export function evaluateAuthorization(facts: AuthorizationFacts): Finding[] {
  return bySeverity([...roleFindings(facts), ...commonFindings(facts)]);
}

/**
 * The finding for a name that did not resolve to exactly one object.
 *
 * Ambiguous names list every candidate with its folder so the admin can pick one.
 */
export function findingsForUnresolved(resolution: Exclude<Resolution, { status: 'resolved' }>): Finding[] {
  if (resolution.status === 'not-found') {
    return [finding('NOT_FOUND', `"${resolution.input}" was not found. ${resolution.reason}`)];
  }
  const candidates = resolution.candidates.map((candidate) => ({
    sid: candidate.sid,
    name: `${candidate.samAccountName ?? candidate.name} (${candidate.inFolder})`,
  }));
  return [
    finding(
      'AMBIGUOUS_NAME',
      `"${resolution.input}" matches ${resolution.candidates.length} objects. Choose one, or type it as DOMAIN\\name, a user principal name or a SID.`,
      candidates,
    ),
  ];
}
