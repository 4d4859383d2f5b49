import type { CloudEnvironment } from '../../contract/environments.ts';
import type { SessionSummary } from '../../contract/console-session.ts';
import type { ConnectorClient } from '../../core/connector/index.ts';
import { DirectoryError, type Directory, type DirectoryConnectOptions, type KerberosConnectOptions } from '../../core/directory/index.ts';
import { throwIfCancelled, untilAborted } from './abortable.ts';
import type { ConsoleDependencies } from './console-dependencies.ts';
import type { MainDirectorySettings } from './console-ports.ts';
import { ConsoleFailure } from './console-failure.ts';
import { adminAccountOf } from './admin-account.ts';
import { adminNameOf, serviceSignIn } from './kerberos-sign-in.ts';
import { createSearchRegistry, type SearchRegistry } from './search-registry.ts';

/** How long one call to the service may take, and how often a safe call is retried. */
const SERVICE_TIMEOUT_MS = 15_000;
const SERVICE_RETRIES = 2;

/**
 * A signed-in admin's connections, held in the main process only.
 *
 * The token lives inside `client` and the password inside the global catalog opener; neither
 * is ever put in `summary`, which is all the renderer sees.
 */
export type ActiveSession = {
  readonly summary: SessionSummary;
  /** The service client carrying the admin's token. */
  readonly client: ConnectorClient;
  readonly directory: Directory;
  /** The forest's global catalog, opened on first use with the same credentials. */
  globalCatalog(): Promise<Directory>;
  readonly searches: SearchRegistry;
  close(): Promise<void>;
};

/**
 * What signing in needs once main has settled the password: typed, remembered or the demo's,
 * or none at all with Kerberos (`method: 'kerberos'`: the current ticket signs in to both).
 *
 * `serviceCaFile` replaces the console's configured service CA (the demo brings its own);
 * `directoryCaPem` is the CA file the admin chose, already read by main (the directory's
 * `caFile` is then absent); `demo` is carried into the summary so the frame can show the
 * demo badge.
 */
export type SignInTarget = {
  readonly environment: CloudEnvironment;
  readonly serviceUrl: string;
  readonly directory: MainDirectorySettings;
  readonly directoryCaPem?: string | undefined;
  readonly demo: boolean;
  readonly serviceCaFile?: string | undefined;
} & SignInCredential;

/** Who signs in: a name and its password, or the holder of the current Kerberos ticket. */
export type SignInCredential =
  | { readonly method?: 'password' | undefined; readonly username: string; readonly password: string }
  | { readonly method: 'kerberos'; readonly servicePrincipal?: string | undefined };

/**
 * Sign in to the service, connect to the directory and read who signed in.
 *
 * The service checks the password (or the Kerberos ticket) and the admin role first, so a
 * refused sign-in costs no directory bind of the console's own; the directory connection (as
 * the bind account, or as the admin: with the password or the same ticket) and the session
 * read then run together. Anything opened is closed again when a later step fails or the
 * admin cancels.
 */
export async function openSession(dependencies: ConsoleDependencies, request: SignInTarget, signal: AbortSignal): Promise<ActiveSession> {
  const caFile = request.serviceCaFile ?? dependencies.serviceCaFile;
  const client = dependencies.createConnectorClient({
    baseUrl: request.serviceUrl,
    timeoutMs: SERVICE_TIMEOUT_MS,
    retries: SERVICE_RETRIES,
    proxy: 'environment',
    ...(caFile === undefined ? {} : { caFile }),
  });
  let directory: Directory | undefined;
  try {
    const { token, expiresAt } = await serviceSignIn(client, request, signal);
    throwIfCancelled(signal);
    const signedIn = client.withToken(token);
    const options = connectOptionsOf(request);
    const opening = untilAborted(dependencies.connectDirectory(options), signal, (late) => late.close());
    const [session, opened] = await Promise.allSettled([signedIn.session({ signal }), opening]);
    if (opened.status === 'fulfilled') directory = opened.value;
    if (opened.status === 'rejected') throw opened.reason;
    if (session.status === 'rejected') throw session.reason;
    const name = await adminNameOf(request, session.value, opened.value, signal);
    const account = await adminAccountOf(opened.value, session.value.sid, name, signal);
    throwIfCancelled(signal);
    const summary: SessionSummary = {
      environment: request.environment,
      serviceUrl: request.serviceUrl,
      admin: { name, sid: session.value.sid, roles: [...session.value.roles], ...(account === undefined ? {} : { account }) },
      expiresAt,
      directory: {
        serverName: opened.value.serverName,
        dnsDomainName: opened.value.domain.dnsDomainName,
        netbiosDomain: opened.value.domain.netbiosDomain,
        defaultNamingContext: opened.value.domain.defaultNamingContext,
        globalCatalogReady: opened.value.domain.globalCatalogReady,
      },
      demo: request.demo,
    };
    return createActiveSession(dependencies, { summary, client, signedIn, directory: opened.value, options });
  } catch (error) {
    await Promise.allSettled([directory?.close(), client.close()]);
    throw error;
  }
}

/**
 * The directory settings of the sign-in screen as connect options.
 *
 * The bind account, when given, is used instead of the admin's own (least privilege for
 * browsing), with a Kerberos sign-in too; otherwise the directory is read as the admin: with
 * the password, or with the same ticket that signed in to the service.
 */
export function connectOptionsOf(request: SignInTarget): DirectoryConnectOptions {
  const settings = request.directory;
  const target = directoryTargetOf(settings, request.directoryCaPem);
  if (settings.bindUser !== undefined && settings.bindPassword !== undefined) return { ...target, user: settings.bindUser, password: settings.bindPassword };
  if (request.method === 'kerberos') return { ...target, kerberos: true };
  return { ...target, user: request.username, password: request.password };
}

/** Where the directory is and how the connection is protected, from the sign-in screen's settings (no account). */
export function directoryTargetOf(settings: MainDirectorySettings, caPem: string | undefined): Omit<KerberosConnectOptions, 'kerberos'> {
  return {
    ...(settings.mode === 'server' ? { url: settings.serverUrl } : { domain: settings.domain }),
    transport: settings.transport,
    caFile: settings.caFile,
    ...(caPem === undefined ? {} : { caPem }),
    serverName: settings.serverName,
  };
}

type Opened = { summary: SessionSummary; client: ConnectorClient; signedIn: ConnectorClient; directory: Directory; options: DirectoryConnectOptions };

function createActiveSession(dependencies: ConsoleDependencies, opened: Opened): ActiveSession {
  const searches = createSearchRegistry();
  let catalog: Promise<Directory> | undefined;
  let closed = false;
  return {
    summary: opened.summary,
    client: opened.signedIn,
    directory: opened.directory,
    searches,
    globalCatalog() {
      if (closed) return Promise.reject(new DirectoryError('CONNECTION_LOST', 'The session was closed. Sign in again.'));
      catalog ??= dependencies.connectDirectory({ ...opened.options, globalCatalog: true }).catch((error: unknown) => {
        catalog = undefined;
        throw globalCatalogFailure(error);
      });
      return catalog;
    },
    async close() {
      if (closed) return;
      closed = true;
      searches.closeAll();
      const openCatalog = catalog?.then((directory) => directory.close());
      await Promise.allSettled([opened.directory.close(), openCatalog, opened.client.close()]);
    },
  };
}

function globalCatalogFailure(error: unknown): unknown {
  if (!(error instanceof DirectoryError)) return error;
  return new ConsoleFailure({
    code: error.code,
    source: 'directory',
    title: 'The global catalog could not be used',
    message: `${error.message} The global catalog answers on TCP 3269 (LDAPS) or 3268 (StartTLS) of a global catalog server. Search the entire domain instead, or ask for the global catalog port to be opened.`,
  });
}
