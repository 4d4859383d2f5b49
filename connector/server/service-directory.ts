import type { DirectoryObject, ObjectTypeFilter, Resolution } from '../../contract/directory.ts';
import type { Finding, Role } from '../../contract/policy.ts';
import { connectDirectory, DirectoryError, MAX_NAMES_PER_CALL, verifyCredentials, type ConnectOptions, type Directory } from '../../core/directory/index.ts';
import { judgeGrant } from '../../core/authorization/judge-grant.ts';
import type { ClientPrincipal } from '../../core/kerberos/index.ts';
import { labelOf } from '../../core/policy/finding.ts';
import { effectiveSuperUsers } from '../../core/policy/super-users.ts';
import type { AuthorizedEntry } from '../../contract/policy.ts';
import type { ExpandedSuperUser } from './store/super-user-snapshot.ts';

/**
 * A directory account as sign-in and the per-request role check need it: its SID, its user
 * principal name (the implicit `sam@dns-domain` when none is set), whether it is disabled,
 * and every security group in its logon token.
 */
export type DirectoryAccount = { readonly sid: string; readonly name: string; readonly disabled: boolean; readonly groupSids: ReadonlySet<string> };

/** An object found by SID, with the name the list and the audit trail show for it. */
export type NamedObject = { readonly object: DirectoryObject; readonly accountName: string };

/** A name's resolution; `accountName` is `DOMAIN\\sAMAccountName` when it resolved to one object. */
export type NamedResolution = { readonly resolution: Resolution | undefined; readonly accountName: string | undefined };

/** The effective super users of a list, and how many of its Exchange entries no longer resolve. */
export type SuperUserExpansionResult = {
  readonly accounts: readonly ExpandedSuperUser[];
  readonly exchangeEntries: number;
  readonly orphanedEntries: number;
};

/** What the service asks of its directory, and nothing else. */
export type ServiceDirectory = {
  /** Throws a DirectoryError (INVALID_CREDENTIALS, ACCOUNT_LOCKED, …) when the bind fails. */
  verifyPassword(username: string, password: string): Promise<void>;
  accountOf(username: string): Promise<DirectoryAccount | undefined>;
  /**
   * The account a Kerberos principal names: `alice@CORP.CONTOSO.COM` is `CORP\\alice` when the
   * realm is the directory domain's DNS name (any case); undefined for another realm or no account.
   */
  accountOfPrincipal(principal: ClientPrincipal): Promise<DirectoryAccount | undefined>;
  /** The account a token names, read again: undefined once it was deleted. */
  accountBySid(sid: string): Promise<DirectoryAccount | undefined>;
  /** Objects by SID, each with its `DOMAIN\\sAMAccountName` — the directory's name, never a client's. */
  objectsBySid(sids: readonly string[]): Promise<ReadonlyMap<string, NamedObject>>;
  /** One name (`DOMAIN\\name`, UPN, sAMAccountName, SID) resolved among `types`, with the directory's name for what it found. */
  resolveName(name: string, types: readonly ObjectTypeFilter[]): Promise<NamedResolution>;
  /**
   * The policy's findings that block a grant (severity error), judged on the object alone:
   * the list and connector hosts only ever raise warnings, which the console handles. The
   * judging is core's `judgeGrant`, the same the console and the CLI run.
   */
  blockingFindings(role: Role, object: DirectoryObject): Promise<Finding[]>;
  /**
   * Every account the list's Exchange entries make a super user, through nested and primary
   * groups (core's `effectiveSuperUsers`), named `DOMAIN\\sAMAccountName`. Throws a
   * DirectoryError when the directory cannot answer: an outage is never an empty group.
   */
  expandSuperUsers(list: readonly AuthorizedEntry[]): Promise<SuperUserExpansionResult>;
  close(): Promise<void>;
};

/** Errors after which the service's own connection is dropped and reopened on next use. */
const RECONNECT_AFTER = new Set(['CONNECTION_LOST', 'UNREACHABLE', 'TIMEOUT']);

/**
 * The service's directory over its own service account, connected on first use.
 *
 * Sign-in binds as the admin on a separate, short connection (the service account never
 * learns the admin's password); lookups use the service account's connection, reopened
 * after the DC went away.
 */
export function createServiceDirectory(options: ConnectOptions): ServiceDirectory {
  let connection: Promise<Directory> | undefined;
  const directory = (): Promise<Directory> => {
    connection ??= connectDirectory(options).catch((error: unknown) => {
      connection = undefined;
      throw error;
    });
    return connection;
  };
  const use = async <T>(work: (directory: Directory) => Promise<T>): Promise<T> => {
    try {
      return await work(await directory());
    } catch (error) {
      if (error instanceof DirectoryError && RECONNECT_AFTER.has(error.code)) dropConnection();
      throw error;
    }
  };
  const dropConnection = () => {
    const dropped = connection;
    connection = undefined;
    void dropped?.then((open) => open.close()).catch(() => undefined);
  };
  return {
    verifyPassword: (username, password) => verifyCredentials({ ...options, user: username, password }),
    accountOf: (username) =>
      use(async (open) => {
        const [resolution] = await open.resolveNames([username], { types: ['user', 'service-account'] });
        return resolution?.status === 'resolved' ? accountFrom(open, resolution.object) : undefined;
      }),
    accountOfPrincipal: (principal) =>
      use(async (open) => {
        if (principal.realm.toLowerCase() !== open.domain.dnsDomainName.toLowerCase()) return undefined;
        // By sAMAccountName, which the KDC names the ticket after; a UPN may differ from it.
        const [resolution] = await open.resolveNames([`${open.domain.netbiosDomain}\\${principal.name}`], { types: ['user', 'service-account'] });
        return resolution?.status === 'resolved' ? accountFrom(open, resolution.object) : undefined;
      }),
    accountBySid: (sid) =>
      use(async (open) => {
        const object = await open.objectBySid(sid);
        return object === undefined || (object.kind !== 'user' && object.kind !== 'service-account') ? undefined : accountFrom(open, object);
      }),
    objectsBySid: (sids) =>
      use(async (open) => {
        const found = new Map<string, NamedObject>();
        for (let start = 0; start < sids.length; start += MAX_NAMES_PER_CALL) {
          const resolutions = await open.resolveNames(sids.slice(start, start + MAX_NAMES_PER_CALL));
          for (const resolution of resolutions) {
            if (resolution.status === 'resolved')
              found.set(resolution.object.sid, { object: resolution.object, accountName: labelOf(resolution.object, open.domain.netbiosDomain) });
          }
        }
        return found;
      }),
    resolveName: (name, types) =>
      use(async (open) => {
        const [resolution] = await open.resolveNames([name], { types });
        return { resolution, accountName: resolution?.status === 'resolved' ? labelOf(resolution.object, open.domain.netbiosDomain) : undefined };
      }),
    expandSuperUsers: (list) =>
      // No Exchange entry, no super user: nothing to ask the directory.
      !list.some((entry) => entry.role === 'exchange')
        ? Promise.resolve({ accounts: [], exchangeEntries: 0, orphanedEntries: 0 })
        : use(async (open) => {
            const { superUsers, orphanedEntries } = await effectiveSuperUsers(open, list);
            const accounts = superUsers.map(({ account, grants }) => ({
              sid: account.sid,
              name: labelOf(account, open.domain.netbiosDomain),
              kind: account.kind,
              grants: grants.map((grant) => ({
                entrySid: grant.entry.sid,
                entryName: grant.entry.name,
                path: [...grant.path],
                throughPrimaryGroup: grant.throughPrimaryGroup,
              })),
            }));
            return { accounts, exchangeEntries: list.filter((entry) => entry.role === 'exchange').length, orphanedEntries: orphanedEntries.length };
          }),
    blockingFindings: (role, object) => use(async (open) => [...(await judgeGrant(open, { role, object, list: [], connectorNodeNames: [] })).blocking]),
    close: async () => {
      const open = connection;
      connection = undefined;
      if (open) await (await open).close();
    },
  };
}

async function accountFrom(open: Directory, object: DirectoryObject): Promise<DirectoryAccount> {
  const groupSids = await open.tokenGroupSids(object);
  return { sid: object.sid, name: userPrincipalNameOf(object, open.domain.dnsDomainName), disabled: object.disabled, groupSids: new Set(groupSids) };
}

/**
 * The account's user principal name; without an explicit one, the implicit UPN Windows
 * gives every account (`sAMAccountName@dns-domain`), so the audit trail always names a UPN.
 */
function userPrincipalNameOf(object: DirectoryObject, dnsDomainName: string): string {
  if (object.userPrincipalName) return object.userPrincipalName;
  return object.samAccountName ? `${object.samAccountName}@${dnsDomainName}` : object.name;
}
