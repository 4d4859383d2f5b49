import type { DirectoryObject } from '../../contract/directory.ts';
import { kerberosIdentityOf, type Directory } from '../../core/directory/index.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { CommandResult } from './directory-commands.ts';
import { accountLabel } from './format-object.ts';

/**
 * `directory whoami`: the account the domain controller sees on this connection, read from the
 * token it built for the session (the root DSE's tokenGroups), not from the name given: with
 * `--kerberos` the ticket's holder, with a password the bind account.
 */
export async function whoamiCommand(directory: Directory): Promise<CommandResult> {
  const netbios = directory.domain.netbiosDomain;
  const principal = directory.kerberosPrincipal();
  const account = principal === undefined ? await boundAccount(directory) : (await kerberosIdentityOf(directory)).object;
  const method = principal === undefined ? 'a password (simple bind)' : `Kerberos (${principal})`;
  return {
    human: `${accountLabel(account, netbios)}${account.userPrincipalName ? ` (${account.userPrincipalName})` : ''}, signed in to ${directory.serverName} with ${method}.`,
    json: {
      account: accountLabel(account, netbios),
      sid: account.sid,
      userPrincipalName: account.userPrincipalName,
      kerberosPrincipal: principal,
      server: directory.serverName,
    },
    exitCode: EXIT.ok,
  };
}

/** The one user, computer or service account among the SIDs of the session's token. */
async function boundAccount(directory: Directory): Promise<DirectoryObject> {
  const domainSids = (await directory.sessionTokenGroupSids()).filter((sid) => sid.startsWith(`${directory.domain.domainSid}-`));
  for (const sid of domainSids) {
    const object = await directory.objectBySid(sid);
    if (object !== undefined && object.kind !== 'group') return object;
  }
  throw new CliError('NOT_FOUND', 'The domain controller did not say which account this connection is bound as.', EXIT.failure);
}
