import type { DirectoryObject } from '../../contract/directory.ts';
import type { AdmittingGrant, ExplainAdvice } from '../../contract/explain.ts';
import { ROLE_LABELS } from '../../contract/labels.ts';
import type { AuthorizedEntry, Role } from '../../contract/policy.ts';
import type { GroupGraph } from '../directory/index.ts';

/** A Kerberos ticket's usual lifetime: a group changed more recently may not be in the server's ticket yet. */
const TICKET_LIFETIME_MS = 10 * 60 * 60 * 1000;
const MAX_GROUP_SUGGESTIONS = 3;

/** What {@link explainAdvice.forAccount} looks at. */
export type AccountAdviceInput = {
  readonly account: DirectoryObject;
  readonly accountName: string;
  readonly role: Role | undefined;
  /** The role asked, else the one the account most likely needs. */
  readonly wanted: Role;
  readonly admitted: boolean;
  readonly grants: readonly AdmittingGrant[];
  readonly list: readonly AuthorizedEntry[];
  readonly graph: GroupGraph;
  readonly token: ReadonlySet<string>;
  /** Security groups the list authorizes for `wanted` that the account is not in. */
  readonly joinable: readonly AuthorizedEntry[];
  readonly now: Date;
};

/** The advice of an explanation, in the order an admin acts on it. */
export const explainAdvice = {
  notFound(input: string, list: readonly AuthorizedEntry[]): ExplainAdvice[] {
    const advice: ExplainAdvice[] = [
      {
        code: 'NO_SUCH_ACCOUNT',
        severity: 'error',
        message: `No user, computer or service account "${input}" exists in the directory, so no server can authenticate as it and the connector admits nothing by that name. Check the name (DOMAIN\\name, name@domain, NAME$ for a computer, or its SID).`,
      },
    ];
    for (const entry of list.filter((candidate) => candidate.sid.toUpperCase() === input.trim().toUpperCase())) {
      advice.push({
        code: 'ORPHANED_ENTRY',
        severity: 'warning',
        message: `The list still authorizes this SID as ${entry.name} (${ROLE_LABELS[entry.role]} role), but the account was deleted: the entry admits nobody. Remove it.`,
        command: `rms-connector-admin servers remove ${entry.sid} --role ${entry.role}`,
      });
    }
    return advice;
  },

  forAccount(input: AccountAdviceInput): ExplainAdvice[] {
    const advice: ExplainAdvice[] = [];
    const { account, accountName } = input;
    if (account.disabled) {
      advice.push({
        code: 'ACCOUNT_DISABLED',
        severity: 'warning',
        message: `${accountName} is disabled: it cannot authenticate, so the connector never sees it, whatever the list says. Enable it in Active Directory Users and Computers if the server is still in use.`,
      });
    }
    advice.push(...ignoredDistributionGroups(input));
    if (input.admitted) advice.push(...admittedAdvice(input));
    else advice.push(...refusedAdvice(input));
    return advice;
  },
};

function refusedAdvice(input: AccountAdviceInput): ExplainAdvice[] {
  const { account, accountName, role, grants, wanted, joinable } = input;
  const roleText = role === undefined ? '' : ` for the ${ROLE_LABELS[role]} role`;
  const advice: ExplainAdvice[] = [
    {
      code: 'REFUSED_2001',
      severity: 'error',
      message: `The connector refuses ${accountName}${roleText}: no entry of the list is the account or a security group in its token, and each attempt is logged as warning 2001 (not authorized) in the connector's event log.`,
    },
  ];
  const otherRoles = [...new Set(grants.map((grant) => grant.entry.role))];
  if (role !== undefined && otherRoles.length > 0) {
    advice.push({
      code: 'OTHER_ROLE_ONLY',
      severity: 'warning',
      message: `${accountName} is admitted only for the ${otherRoles.map((other) => ROLE_LABELS[other]).join(' and ')} role, not for ${ROLE_LABELS[role]}.`,
    });
  }
  if (wanted === 'fci' && account.kind === 'user') {
    advice.push({
      code: 'FCI_NEEDS_COMPUTER_ACCOUNT',
      severity: 'error',
      message: `${accountName} is a user account; File Classification Infrastructure runs as the file server's computer account (FS01$), so authorize the computer account or a group of file servers instead.`,
    });
  }
  for (const entry of joinable.slice(0, MAX_GROUP_SUGGESTIONS)) {
    advice.push({
      code: 'JOIN_GROUP',
      severity: 'info',
      message: `Add ${accountName} to ${entry.name}, which the list authorizes for the ${ROLE_LABELS[entry.role]} role; then the server needs a new Kerberos ticket (restart it, or run klist purge -li 0x3e7 on it for the computer account) and the connector sees the change at its next list read (within about 15 minutes).`,
      command: `Add-ADGroupMember -Identity "${groupNameOf(entry.name)}" -Members "${account.samAccountName ?? account.name}"`,
    });
  }
  if (wanted !== 'fci' || account.kind !== 'user') {
    advice.push({
      code: 'AUTHORIZE_DIRECTLY',
      severity: 'info',
      message: `Or authorize ${accountName} itself for the ${ROLE_LABELS[wanted]} role (a group is easier to keep right when servers come and go).`,
      command: `rms-connector-admin servers add --role ${wanted} "${accountName}"`,
    });
  }
  return advice;
}

function admittedAdvice(input: AccountAdviceInput): ExplainAdvice[] {
  const { account, accountName, grants, now } = input;
  const advice: ExplainAdvice[] = [];
  const recent = grants
    .flatMap((grant) => grant.path.slice(1))
    .filter((step) => step.whenChanged !== undefined && now.getTime() - Date.parse(step.whenChanged) < TICKET_LIFETIME_MS);
  const onlyThroughRecent = grants.every((grant) => grant.path.slice(1).some((step) => recent.includes(step)));
  if (recent.length > 0) {
    const names = [...new Set(recent.map((step) => `${step.name} (changed ${step.whenChanged ?? ''})`))].join(', ');
    advice.push({
      code: 'NEW_TICKET_NEEDED',
      severity: onlyThroughRecent ? 'warning' : 'info',
      message: `${names} changed less than 10 hours ago, within a Kerberos ticket's lifetime. If ${accountName} joined then, its current ticket does not carry the group yet and the connector still refuses it: restart the server, or purge the computer account's tickets on it.`,
      command: account.kind === 'computer' ? 'klist purge -li 0x3e7' : 'klist purge',
    });
    advice.push({
      code: 'LIST_PICKUP',
      severity: 'info',
      message: 'The connector reads the list again within about 15 minutes: an entry added just now admits the account only after that.',
    });
  }
  for (const grant of grants) {
    const unexpected = unexpectedRole(account, grant.entry.role);
    if (unexpected !== undefined)
      advice.push({ code: 'UNEXPECTED_ROLE', severity: 'warning', message: `${accountName} ${unexpected} through ${grant.entry.name}.` });
  }
  return advice;
}

/** Entries for distribution groups the account is in: no token carries them, so they admit nobody. */
function ignoredDistributionGroups(input: AccountAdviceInput): ExplainAdvice[] {
  return input.list
    .filter((entry) => {
      const node =
        input.graph.groups.get(entry.sid.toUpperCase()) ??
        [...input.graph.groups.values()].find((each) => each.group.sid.toUpperCase() === entry.sid.toUpperCase());
      return node !== undefined && node.group.group?.security === false;
    })
    .map((entry) => ({
      code: 'DISTRIBUTION_GROUP_IGNORED' as const,
      severity: 'warning' as const,
      message: `${input.accountName} is in ${entry.name}, which the list authorizes for the ${ROLE_LABELS[entry.role]} role, but it is a distribution group: no Kerberos token carries it, so it admits nobody. Authorize a security group.`,
    }));
}

function unexpectedRole(account: DirectoryObject, role: Role): string | undefined {
  if (role === 'exchange' && account.kind !== 'computer') {
    return 'is not a computer account, yet it becomes a super user over all protected content: Exchange entries are for Exchange servers\u2019 computer accounts; take it out of the group';
  }
  if (role === 'fci' && account.kind !== 'computer')
    return 'is not a computer account, yet it is admitted as FCI, which file servers use through their computer accounts';
  if (role === 'sharepoint' && account.kind === 'computer')
    return 'is a computer account admitted as SharePoint, which uses the application pool\u2019s service account';
  return undefined;
}

/** The role an account most likely needs: file servers (computers) use FCI, SharePoint uses service accounts. */
export function likelyRole(account: DirectoryObject): Role {
  return account.kind === 'computer' ? 'fci' : 'sharepoint';
}

function groupNameOf(name: string): string {
  const slash = name.indexOf('\\');
  return slash === -1 ? name : name.slice(slash + 1);
}
