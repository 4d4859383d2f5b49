import type { Explanation } from '../../contract/explain.ts';
import { ROLE_LABELS } from '../../contract/labels.ts';
import type { AuthorizedEntry, Role } from '../../contract/policy.ts';
import type { Directory } from '../../core/directory/index.ts';
import { explainAccess } from '../../core/policy/explain-access.ts';
import { EXIT } from './cli-error.ts';
import type { CommandResult } from './directory-commands.ts';
import { accountLabel, kindLabel } from './format-object.ts';

/**
 * `explain NAME [--role ROLE]`: why the connector admits or refuses an account.
 *
 * Exit 0 when it is admitted (for the role, when one is given), 1 when refused (a name that
 * matches no account included), 2 for an ambiguous name or any error.
 */
export async function explainCommand(directory: Directory, list: readonly AuthorizedEntry[], name: string, role: Role | undefined): Promise<CommandResult> {
  const explanation = await explainAccess(directory, list, name, { role });
  return { human: formatExplanation(explanation, directory.domain.netbiosDomain), json: explanation, exitCode: exitCodeOf(explanation) };
}

function exitCodeOf(explanation: Explanation): number {
  if (explanation.status === 'ambiguous') return EXIT.failure;
  return explanation.admitted ? EXIT.ok : EXIT.unresolved;
}

/** The explanation as an admin reads it: verdict, each admitting path as a chain, then what to do. */
export function formatExplanation(explanation: Explanation, netbios: string): string {
  const forRole = explanation.role === undefined ? '' : ` for the ${ROLE_LABELS[explanation.role]} role`;
  if (explanation.status === 'ambiguous') {
    const choices = explanation.candidates.map(
      (candidate) => `  ${accountLabel(candidate, netbios)}  (${kindLabel(candidate)}, In Folder ${candidate.inFolder})`,
    );
    return [`"${explanation.input}" matches ${explanation.candidates.length} accounts; explain one of them by DOMAIN\\name or SID:`, ...choices].join('\n');
  }
  const lines: string[] = [];
  if (explanation.status === 'not-found') {
    lines.push(`"${explanation.input}": no such account${forRole}. REFUSED.`);
  } else {
    const verdict = explanation.admitted ? `ADMITTED${forRole}` : `REFUSED${forRole}`;
    lines.push(`${explanation.accountName} (${kindLabel(explanation.account)}, In Folder ${explanation.account.inFolder}): ${verdict}.`);
    lines.push(`Its token carries ${explanation.tokenGroupCount} security group(s), nested and primary included.`);
    if (explanation.grants.length > 0) {
      lines.push('', 'Admitted by:');
      for (const grant of explanation.grants) {
        const how = grant.direct
          ? ' (the account itself)'
          : grant.throughPrimaryGroup
            ? ' (first link: its primary group)'
            : grant.everyLogon
              ? ' (every network logon)'
              : '';
        lines.push(`  ${ROLE_LABELS[grant.entry.role]}: ${grant.entry.name}${how}`);
        lines.push(`    ${grant.path.map((step) => step.name).join(' → ')}`);
      }
    }
    lines.push('', explanation.superUser ? 'Super user: YES — it can open and remove protection from all protected content.' : 'Super user: no.');
  }
  if (explanation.advice.length > 0) {
    lines.push('', 'What to know and do:');
    for (const advice of explanation.advice) {
      lines.push(`  [${advice.severity}] ${advice.code}: ${advice.message}`);
      if (advice.command !== undefined) lines.push(`      ${advice.command}`);
    }
  }
  return lines.join('\n');
}
