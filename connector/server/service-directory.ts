import type { DirectoryObject } from '../../main/contract/directory.ts';
import type { Finding, Role } from '../../main/contract/policy.ts';
import { connectDirectory, DirectoryError, MAX_NAMES_PER_CALL, verifyCredentials, type ConnectOptions, type Directory } from '../../main/core/directory/index.ts';
import { evaluateAuthorization } from '../../main/core/policy/evaluate-authorization.ts';
import { gatherAuthorizationFacts } from '../../main/core/policy/gather-facts.ts';

/** A directory account as sign-in needs it: its SID and every security group in its token. */
export type DirectoryAccount = { readonly sid: string; readonly name: string; readonly groupSids: ReadonlySet<string> };

/** What the service asks of its directory, and nothing else. */
export type ServiceDirectory = {
  /** Throws a DirectoryError (INVALID_CREDENTIALS, ACCOUNT_LOCKED, …) when the bind fails. */
  verifyPassword(username: string, password: string): Promise<void>;
  accountOf(username: string): Promise<DirectoryAccount | undefined>;
  objectsBySid(sids: readonly string[]): Promise<ReadonlyMap<string, DirectoryObject>>;
  /**
   * The policy's findings that block a grant (severity error), judged on the object alone:
   * the list and connector hosts only ever raise warnings, which the console handles.
   */
  blockingFindings(role: Role, object: DirectoryObject): Promise<Finding[]>;
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
        if (resolution?.status !== 'resolved') return undefined;
        const groupSids = await open.tokenGroupSids(resolution.object);
        return { sid: resolution.object.sid, name: resolution.object.userPrincipalName ?? resolution.object.name, groupSids: new Set(groupSids) };
      }),
    objectsBySid: (sids) =>
      use(async (open) => {
        const found = new Map<string, DirectoryObject>();
        for (let start = 0; start < sids.length; start += MAX_NAMES_PER_CALL) {
          const resolutions = await open.resolveNames(sids.slice(start, start + MAX_NAMES_PER_CALL));
          for (const resolution of resolutions) if (resolution.status === 'resolved') found.set(resolution.object.sid, resolution.object);
        }
        return found;
      }),
    blockingFindings: (role, object) =>
      use(async (open) => {
        const facts = await gatherAuthorizationFacts(open, { role, object, list: [], connectorNodeNames: [] });
        return evaluateAuthorization(facts).filter((finding) => finding.severity === 'error');
      }),
    close: async () => {
      const open = connection;
      connection = undefined;
      if (open) await (await open).close();
    },
  };
}
