import type { DirectoryObject } from '../../contract/directory.ts';
import type { Finding } from '../../contract/policy.ts';
import type { Directory } from '../directory/index.ts';
import { evaluateAuthorization } from '../policy/evaluate-authorization.ts';
import { gatherAuthorizationFacts, type AuthorizationRequest } from '../policy/gather-facts.ts';

/**
 * A proposed grant: a resolved object for a role, against a list and the connector hosts.
 *
 * The policy's own request shape, so the facts are gathered from exactly what was proposed.
 */
export type GrantProposal = AuthorizationRequest;

/**
 * The policy's verdict on one proposed grant.
 *
 * `blocking` (severity error) refuses the grant whatever was acknowledged; each of
 * `needsAcknowledgement` (severity warning) must be acknowledged by its code before a save.
 * `findings` is every finding in the policy's order (errors first), as the admin sees them.
 */
export type Judgement = {
  readonly object: DirectoryObject;
  readonly findings: readonly Finding[];
  readonly blocking: readonly Finding[];
  readonly needsAcknowledgement: readonly Finding[];
};

/**
 * Judge one proposed grant: gather the directory facts, evaluate the policy, sort the verdict.
 *
 * The single place the policy runs for a grant: the console's check and save, the CLI's
 * `check` and `servers add`, and the service's refusal of blocking findings all call it, so
 * the rule cannot drift between the three front doors.
 */
export async function judgeGrant(directory: Directory, proposal: GrantProposal): Promise<Judgement> {
  const findings = evaluateAuthorization(await gatherAuthorizationFacts(directory, proposal));
  return {
    object: proposal.object,
    findings,
    blocking: findings.filter((finding) => finding.severity === 'error'),
    needsAcknowledgement: findings.filter((finding) => finding.severity === 'warning'),
  };
}

/**
 * The warnings of a judgement the admin has not acknowledged, in the policy's order.
 *
 * Each warning is acknowledged by its code (the console's "I understand" box, the CLI's
 * `--acknowledge CODE`); a warning left out keeps the grant from being saved.
 */
export function unacknowledgedOf(judgement: Judgement, acknowledged: readonly string[]): Finding[] {
  return judgement.needsAcknowledgement.filter((finding) => !acknowledged.includes(finding.code));
}
