import type { Explanation } from '../../contract/explain.ts';
import { explanationText } from '../../contract/explain-text.ts';
import type { AuthorizedEntry, Role } from '../../contract/policy.ts';
import type { Directory } from '../../core/directory/index.ts';
import { explainAccess } from '../../core/policy/explain-access.ts';
import { EXIT } from './cli-error.ts';
import type { CommandResult } from './directory-commands.ts';

/**
 * `explain NAME [--role ROLE]`: why the connector admits or refuses an account.
 *
 * Exit 0 when it is admitted (for the role, when one is given), 1 when refused (a name that
 * matches no account included), 2 for an ambiguous name or any error.
 */
export async function explainCommand(directory: Directory, list: readonly AuthorizedEntry[], name: string, role: Role | undefined): Promise<CommandResult> {
  const explanation = await explainAccess(directory, list, name, { role });
  return { human: explanationText(explanation, directory.domain.netbiosDomain), json: explanation, exitCode: exitCodeOf(explanation) };
}

function exitCodeOf(explanation: Explanation): number {
  if (explanation.status === 'ambiguous') return EXIT.failure;
  return explanation.admitted ? EXIT.ok : EXIT.unresolved;
}
