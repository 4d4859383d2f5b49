import { hiddenCharacterMessage } from '../../contract/hidden-characters.ts';
import { CliError } from './cli-error.ts';

/**
 * A name typed on the command line, refused (INVALID_INPUT, exit 2) if it holds a hidden character.
 *
 * Checked before anything connects, with the character and its position, because a name
 * pasted from a web page or a chat can carry a zero-width space or a direction mark that
 * no terminal shows; `where` says which operand or flag it came from.
 */
export function typedName(text: string, where: string, subject = 'the name'): string {
  const hidden = hiddenCharacterMessage(text, subject);
  if (hidden !== undefined) throw new CliError('INVALID_INPUT', `${where}: ${hidden}`);
  return text;
}
