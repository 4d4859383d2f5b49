import { AdminRoleSchema, SidSchema, type AdminRole, type Administration, type RoleBasedAdministrator } from '../../contract/connector-api/index.ts';
import { ConnectorError, type ConnectorClient } from '../../core/connector/index.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { CommandResult } from './directory-commands.ts';

/** Service refusals about the name given: exit 1, as for a name the directory commands cannot resolve. */
const NAME_REFUSALS = new Set([
  'NAME_NOT_FOUND',
  'NAME_AMBIGUOUS',
  'SID_NOT_FOUND',
  'NOT_SECURITY_GROUP',
  'ADMINISTRATOR_KIND_REFUSED',
  'ACCOUNT_NAME_REFUSED',
]);

/** `admins list [--role ROLE]` (Get-AipServiceRoleBasedAdministrator). */
export async function listAdministratorsCommand(service: ConnectorClient, role: AdminRole | undefined): Promise<CommandResult> {
  const administration = await service.administration();
  const administrators = administration.administrators.filter((administrator) => role === undefined || administrator.role === role);
  const lines = administrators.map(
    (administrator) =>
      `${administrator.role.padEnd(22)} ${administrator.kind.padEnd(5)} ${administrator.name}  ${administrator.sid}  added by ${administrator.addedBy} ${administrator.addedAt}`,
  );
  return {
    human: lines.length > 0 ? lines.join('\n') : `No role assignments${role === undefined ? '' : ` for ${role}`}.`,
    json: { version: administration.version, administrators },
    exitCode: EXIT.ok,
  };
}

/** `admins add NAME|SID --role ROLE` (Add-AipServiceRoleBasedAdministrator): the service resolves the name in its directory. */
export async function addAdministratorCommand(service: ConnectorClient, target: string, role: AdminRole): Promise<CommandResult> {
  const { version } = await service.administration();
  const { administrator } = await refusalsAsExit(() => service.addAdministrator({ ...referenceOf(target), role }, version));
  return {
    human: `${administrator.name} (${administrator.kind}, ${administrator.sid}) now holds ${role}. It applies from the account's next request.`,
    json: administrator,
    exitCode: EXIT.ok,
  };
}

/** `admins remove NAME|SID --role ROLE` (Remove-AipServiceRoleBasedAdministrator): NAME as `admins list` shows it. */
export async function removeAdministratorCommand(service: ConnectorClient, target: string, role: AdminRole): Promise<CommandResult> {
  const administration = await service.administration();
  const match = assignmentOf(administration, target, role);
  const { removed } = await service.removeAdministrator(role, match.sid, administration.version);
  return {
    human: `${removed.name} (${removed.sid}) no longer holds ${role}. Its sign-ins are refused from their next request, on every node.`,
    json: removed,
    exitCode: EXIT.ok,
  };
}

/** `onboarding show` (Get-AipServiceOnboardingControlPolicy). */
export async function showOnboardingCommand(service: ConnectorClient): Promise<CommandResult> {
  const { onboardingControl } = await service.administration();
  const changed = onboardingControl.changedBy === null ? '' : ` (changed by ${onboardingControl.changedBy} ${onboardingControl.changedAt ?? ''})`;
  return {
    human: onboardingControl.group
      ? `Only members of ${onboardingControl.group.name} (${onboardingControl.group.sid}) may sign in to administer${changed}.`
      : `Onboarding control is not set: every administrator may sign in${changed}.`,
    json: onboardingControl,
    exitCode: EXIT.ok,
  };
}

/** `onboarding set GROUP` (Set-AipServiceOnboardingControlPolicy): a security group you are in. */
export async function setOnboardingCommand(service: ConnectorClient, target: string): Promise<CommandResult> {
  const { version } = await service.administration();
  const { onboardingControl } = await refusalsAsExit(() => service.setOnboardingControl(referenceOf(target), version));
  return {
    human: `Only members of ${onboardingControl.group?.name ?? target} may now sign in to administer the connector.`,
    json: onboardingControl,
    exitCode: EXIT.ok,
  };
}

/** `onboarding clear`. */
export async function clearOnboardingCommand(service: ConnectorClient): Promise<CommandResult> {
  const { version } = await service.administration();
  const { onboardingControl } = await service.clearOnboardingControl(version);
  return { human: 'Onboarding control cleared: every administrator may sign in.', json: onboardingControl, exitCode: EXIT.ok };
}

/** `--role` of the admins commands: GlobalAdministrator or ConnectorAdministrator, as the PowerShell cmdlets spell them. */
export function adminRoleOf(text: string | undefined, command: string): AdminRole {
  if (text === undefined) throw new CliError('USAGE', `${command} needs --role GlobalAdministrator or --role ConnectorAdministrator.`);
  const role = AdminRoleSchema.safeParse(text);
  if (!role.success) throw new CliError('USAGE', `Unknown --role "${text}". Use GlobalAdministrator or ConnectorAdministrator.`);
  return role.data;
}

/** A SID goes as one; anything else is a name the service resolves in its directory. */
function referenceOf(target: string): { readonly sid: string } | { readonly name: string } {
  const sid = SidSchema.safeParse(target);
  return sid.success ? { sid: sid.data } : { name: target };
}

/** The assignment a name (as listed, or its part after the backslash) or a SID names, for this role. */
function assignmentOf(administration: Administration, target: string, role: AdminRole): RoleBasedAdministrator {
  const wanted = target.toLowerCase();
  const matches = administration.administrators.filter(
    (administrator) =>
      administrator.role === role &&
      (administrator.sid.toLowerCase() === wanted || administrator.name.toLowerCase() === wanted || administrator.name.toLowerCase().endsWith(`\\${wanted}`)),
  );
  const [match] = matches;
  if (!match) throw new CliError('NOT_FOUND', `No ${role} assignment matches "${target}". See rms-connector-admin admins list.`, EXIT.unresolved);
  if (matches.length > 1)
    throw new CliError(
      'AMBIGUOUS_NAME',
      `"${target}" matches ${String(matches.length)} ${role} assignments (${matches.map((entry) => entry.name).join(', ')}). Give the SID.`,
      EXIT.unresolved,
    );
  return match;
}

async function refusalsAsExit<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ConnectorError && NAME_REFUSALS.has(error.code)) throw new CliError(error.code, error.message, EXIT.unresolved);
    throw error;
  }
}
