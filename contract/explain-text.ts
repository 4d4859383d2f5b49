import { accountNameOf } from './account-name.ts';
import type { DirectoryObject } from './directory.ts';
import type { AdmittingGrant, ExplainAdvice, Explanation } from './explain.ts';
import { OBJECT_KIND_LABELS, ROLE_LABELS } from './labels.ts';

/**
 * How a grant reaches the account, in words: the account itself, its primary group, every logon.
 *
 * Undefined for an ordinary membership path, which the chain itself shows.
 */
export function grantNote(grant: AdmittingGrant): string | undefined {
  if (grant.direct) return 'the account itself';
  if (grant.throughPrimaryGroup) return 'through its primary group';
  if (grant.everyLogon) return 'every network logon carries it';
  return undefined;
}

/** `CORP\name` when the directory gives a logon name, else the object's name (see {@link accountNameOf}). */
export function candidateLabel(candidate: DirectoryObject, netbiosDomain: string): string {
  return accountNameOf(candidate, netbiosDomain);
}

/** The verdict sentence under "Admitted" or "Refused". */
export function verdictSentence(explanation: Explanation): string {
  const forRole = explanation.role === undefined ? '' : ` for the ${ROLE_LABELS[explanation.role]} role`;
  if (explanation.status === 'not-found') return `No account is named "${explanation.input}"${forRole}: the connector would refuse it.`;
  if (explanation.status === 'ambiguous') return `"${explanation.input}" matches ${String(explanation.candidates.length)} accounts: choose one to test.`;
  if (explanation.admitted) {
    const roles = explanation.role === undefined ? explanation.roles.map((role) => ROLE_LABELS[role]).join(', ') : ROLE_LABELS[explanation.role];
    return `The connector admits ${explanation.accountName} as ${roles}.`;
  }
  return `The connector refuses ${explanation.accountName}${forRole} and logs warning 2001 at each attempt.`;
}

/**
 * The explanation as plain text, for a ticket or a chat: what "Copy as text" puts on the clipboard.
 *
 * What `rms-connector-admin explain` prints too: verdict, each admitting entry with its path as
 * a chain, super user or not, then the advice with its commands — one formatter for both.
 */
export function explanationText(explanation: Explanation, netbiosDomain: string): string {
  const forRole = explanation.role === undefined ? '' : ` for the ${ROLE_LABELS[explanation.role]} role`;
  if (explanation.status === 'ambiguous') {
    const choices = explanation.candidates.map(
      (candidate) =>
        `  ${candidateLabel(candidate, netbiosDomain)}  (${OBJECT_KIND_LABELS[candidate.kind]}, In Folder ${candidate.inFolder}, SID ${candidate.sid})`,
    );
    return [`"${explanation.input}" matches ${String(explanation.candidates.length)} accounts; test one of them by DOMAIN\\name or SID:`, ...choices].join(
      '\n',
    );
  }
  const lines: string[] = [];
  if (explanation.status === 'not-found') {
    lines.push(`"${explanation.input}": no such account${forRole}. REFUSED.`);
  } else {
    const verdict = explanation.admitted ? `ADMITTED${forRole}` : `REFUSED${forRole}`;
    lines.push(`${explanation.accountName} (${OBJECT_KIND_LABELS[explanation.account.kind]}, In Folder ${explanation.account.inFolder}): ${verdict}.`);
    lines.push(`Its token carries ${String(explanation.tokenGroupCount)} security group(s), nested and primary included.`);
    if (explanation.grants.length > 0) {
      lines.push('', 'Admitted by:');
      for (const grant of explanation.grants) {
        const note = grantNote(grant);
        lines.push(`  ${ROLE_LABELS[grant.entry.role]}: ${grant.entry.name}${note === undefined ? '' : ` (${note})`}`);
        lines.push(`    ${grant.path.map((step) => step.name).join(' → ')}`);
      }
    }
    lines.push('', explanation.superUser ? 'Super user: YES — it can open and remove protection from all protected content.' : 'Super user: no.');
  }
  lines.push(...adviceLines(explanation.advice));
  return lines.join('\n');
}

function adviceLines(advice: readonly ExplainAdvice[]): string[] {
  if (advice.length === 0) return [];
  const lines = ['', 'What to know and do:'];
  for (const item of advice) {
    lines.push(`  [${item.severity}] ${item.code}: ${item.message}`);
    if (item.command !== undefined) lines.push(`      ${item.command}`);
  }
  return lines;
}
