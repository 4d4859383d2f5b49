import { CliError } from './cli-error.ts';
import {
  addAdministratorCommand,
  adminRoleOf,
  clearOnboardingCommand,
  listAdministratorsCommand,
  removeAdministratorCommand,
  setOnboardingCommand,
  showOnboardingCommand,
} from './admins-commands.ts';
import type { CommandRun } from './run-cli.ts';
import { typedName } from './typed-name.ts';

/**
 * Check an `admins` or `onboarding` command line before anything connects.
 *
 * Every one of them needs only the signed-in service: the service resolves names in its own
 * directory, so what is stored is the directory's name whoever typed it.
 */
export function administrationCommandFor(group: 'admins' | 'onboarding', operands: readonly string[], role: string | undefined): CommandRun {
  const [command, ...rest] = operands;
  const usage = `${group} ${command ?? ''}`.trim();
  const none = () => {
    if (rest.length > 0) throw new CliError('USAGE', `${usage} takes no operands; remove "${rest.join(' ')}".`);
  };
  const one = (what: string) => {
    if (rest.length !== 1 || rest[0] === undefined)
      throw new CliError('USAGE', `${usage} takes exactly one ${what} (quote it if it has spaces); ${String(rest.length)} given.`);
    return typedName(rest[0], `${usage} ${what}`);
  };
  const noRole = () => {
    if (role !== undefined) throw new CliError('USAGE', `${usage} takes no --role.`);
  };
  if (group === 'admins') {
    switch (command) {
      case 'list': {
        none();
        const only = role === undefined ? undefined : adminRoleOf(role, usage);
        return async (resources) => listAdministratorsCommand(await resources.service(), only);
      }
      case 'add': {
        const name = one('NAME');
        const wanted = adminRoleOf(role, usage);
        return async (resources) => addAdministratorCommand(await resources.service(), name, wanted);
      }
      case 'remove': {
        const name = one('NAME');
        const wanted = adminRoleOf(role, usage);
        return async (resources) => removeAdministratorCommand(await resources.service(), name, wanted);
      }
      default:
        throw new CliError('USAGE', `Unknown admins command "${command ?? ''}". Use list, add or remove.`);
    }
  }
  noRole();
  switch (command) {
    case 'show':
      none();
      return async (resources) => showOnboardingCommand(await resources.service());
    case 'set': {
      const name = one('GROUP');
      return async (resources) => setOnboardingCommand(await resources.service(), name);
    }
    case 'clear':
      none();
      return async (resources) => clearOnboardingCommand(await resources.service());
    default:
      throw new CliError('USAGE', `Unknown onboarding command "${command ?? ''}". Use show, set or clear.`);
  }
}
