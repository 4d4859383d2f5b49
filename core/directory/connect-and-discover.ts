import type { DomainInfo } from '../../contract/directory.ts';
import { openDirectorySession, type DirectoryConnectOptions } from './connect-directory.ts';
import { discoverDomainInfo } from './domain-info.ts';
import type { LdapSession } from './ldap-session.ts';

/**
 * Open a session and learn the domain in one step, closing the session if discovery fails.
 */
export async function connectAndDiscover(options: DirectoryConnectOptions): Promise<{ session: LdapSession; domain: DomainInfo; serverName: string }> {
  const { session, serverName } = await openDirectorySession(options);
  try {
    return { session, domain: await discoverDomainInfo(session), serverName };
  } catch (error) {
    await session.close();
    throw error;
  }
}
