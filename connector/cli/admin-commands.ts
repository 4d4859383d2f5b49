import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { accountNameOf } from '../../contract/account-name.ts';
import type { DirectoryObject, ObjectTypeFilter } from '../../contract/directory.ts';
import { hiddenCharacterMessage } from '../../contract/hidden-characters.ts';
import { connectDirectory, type ConnectOptions } from '../../core/directory/index.ts';
import { AdminRoleSchema, type AdminRole } from '../../contract/connector-api/index.ts';
import { judgeObject, type PrincipalPurpose } from '../server/auth/administrator-principal.ts';
import type { ChangeContext, ConfigStore } from '../server/store/config-store.ts';
import { SettingError } from './service-settings.ts';

/** What a command prints and how the process exits. */
export type CommandOutput = { readonly human: string; readonly json: unknown; readonly exitCode: number };

/** The principal a role or onboarding command names: `--user UPN` or `--group NAME`. */
export type PrincipalArgument = { readonly kind: 'user' | 'group'; readonly name: string };

/** Changes made from this command line are audited as the local operator. */
export function localChangeContext(): ChangeContext {
  return {
    actor: `${userInfo().username}@${hostname()}`,
    actorSid: null,
    source: 'rms-connector-service command line',
    node: hostname(),
    correlationId: randomUUID(),
    at: new Date().toISOString(),
  };
}

/** The role of `--role`, defaulting like Add-AipServiceRoleBasedAdministrator. */
export function adminRoleOf(text: string | undefined): AdminRole {
  const role = AdminRoleSchema.safeParse(text ?? 'GlobalAdministrator');
  if (!role.success) throw new SettingError('--role', `"${text ?? ''}" is not a role. Use GlobalAdministrator or ConnectorAdministrator.`);
  return role.data;
}

/** `admins add`: find the user or security group in the directory, then grant the role. */
export async function addAdministrator(store: ConfigStore, directory: ConnectOptions, principal: PrincipalArgument, role: AdminRole): Promise<CommandOutput> {
  const { object, name } = await findPrincipal(directory, principal, 'role');
  const added = await store.addAdministrator({ sid: object.sid, name, kind: principal.kind, role }, localChangeContext());
  const subject = `${name} (${object.sid})`;
  return {
    human: added ? `${subject} now holds ${role}.` : `${subject} already holds ${role}; nothing changed.`,
    json: { sid: object.sid, name, kind: principal.kind, role, changed: added },
    exitCode: 0,
  };
}

/** `admins remove`: by name (looked up) or by SID (works for deleted accounts too). */
export async function removeAdministrator(
  store: ConfigStore,
  directory: () => ConnectOptions,
  target: PrincipalArgument | { readonly sid: string },
  role: AdminRole,
): Promise<CommandOutput> {
  const sid = 'sid' in target ? target.sid.toUpperCase() : (await findPrincipal(directory(), target, 'role')).object.sid;
  const removed = await store.removeAdministrator(sid, role, localChangeContext());
  return removed
    ? { human: `${sid} no longer holds ${role}.`, json: { sid, role, changed: true }, exitCode: 0 }
    : { human: `${sid} does not hold ${role}; nothing changed. See: rms-connector-service admins list`, json: { sid, role, changed: false }, exitCode: 1 };
}

/** `admins list`. */
export async function listAdministrators(store: ConfigStore, role: AdminRole | undefined): Promise<CommandOutput> {
  const administrators = (await store.listAdministrators()).filter((admin) => role === undefined || admin.role === role);
  const lines = administrators.map(
    (admin) => `${admin.role.padEnd(22)} ${admin.kind.padEnd(5)} ${admin.name}  ${admin.sid}  (added by ${admin.addedBy}, ${admin.addedAt})`,
  );
  return {
    human:
      lines.length > 0
        ? lines.join('\n')
        : 'No role-based administrators. Add one: rms-connector-service admins add --user admin@contoso.com --role GlobalAdministrator',
    json: administrators,
    exitCode: 0,
  };
}

/** `onboarding set --group NAME`: only members of this security group may sign in. */
export async function setOnboardingGroup(store: ConfigStore, directory: ConnectOptions, groupName: string): Promise<CommandOutput> {
  const { object: group, name } = await findPrincipal(directory, { kind: 'group', name: groupName }, 'onboarding');
  await store.setOnboardingControl({ sid: group.sid, name }, localChangeContext());
  return {
    human: `Only members of ${name} may now sign in to administer the connector.`,
    json: { group: { sid: group.sid, name } },
    exitCode: 0,
  };
}

/** `onboarding clear`. */
export async function clearOnboardingGroup(store: ConfigStore): Promise<CommandOutput> {
  await store.setOnboardingControl(null, localChangeContext());
  return { human: 'Onboarding control cleared: every administrator may sign in.', json: { group: null }, exitCode: 0 };
}

/** `onboarding show`. */
export async function showOnboardingGroup(store: ConfigStore): Promise<CommandOutput> {
  const control = await store.onboardingControl();
  return {
    human: control.group
      ? `Onboarding control: only members of ${control.group.name} (${control.group.sid}).`
      : 'Onboarding control: not set (every administrator may sign in).',
    json: control,
    exitCode: 0,
  };
}

const TYPES: Readonly<Record<PrincipalArgument['kind'], readonly ObjectTypeFilter[]>> = { user: ['user', 'service-account'], group: ['group'] };

/**
 * The user or group a flag names, judged by the rule the service's API applies
 * (`judgeObject`): a distribution group is refused as one, never stored. Its name is the one
 * the API stores and the console shows (`CORP\alice`), whatever form was typed.
 */
async function findPrincipal(
  options: ConnectOptions,
  principal: PrincipalArgument,
  purpose: PrincipalPurpose,
): Promise<{ readonly object: DirectoryObject; readonly name: string }> {
  // Said before connecting, with the flag: a pasted name can carry a character no terminal shows.
  const hidden = hiddenCharacterMessage(principal.name);
  if (hidden !== undefined) throw new SettingError(`--${principal.kind}`, hidden);
  const directory = await connectDirectory(options);
  try {
    const [resolution] = await directory.resolveNames([principal.name], { types: TYPES[principal.kind] });
    const what = principal.kind === 'user' ? 'user' : 'security group (distribution groups cannot hold roles)';
    if (resolution?.status === 'ambiguous')
      throw new SettingError(
        `--${principal.kind}`,
        `"${principal.name}" matches ${String(resolution.candidates.length)} objects. Give the ${what} as DOMAIN\\name or its user principal name.`,
        1,
      );
    if (resolution?.status !== 'resolved') throw new SettingError(`--${principal.kind}`, `no ${what} named "${principal.name}" in the directory.`, 1);
    const verdict = judgeObject(resolution.object, purpose);
    if (verdict.status === 'refused') throw new SettingError(`--${principal.kind}`, verdict.message, 1);
    return { object: verdict.object, name: accountNameOf(verdict.object, directory.domain.netbiosDomain) };
  } finally {
    await directory.close();
  }
}
