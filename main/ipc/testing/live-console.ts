import { randomUUID } from 'node:crypto';
import { upnOf, type TestService } from '../../../connector/server/testing/service-fixture.ts';
import type { PasswordSignInRequest } from '../../../contract/console-session.ts';
import type { ProfileDefaults } from '../console-ports.ts';
import type { LiveChangesTimings } from '../live-changes.ts';
import { createMemoryProfileStore } from '../memory-profile-store.ts';
import type { IpcChannel, IpcRequest } from '../../../contract/ipc.ts';
import type { IpcResult } from '../../../contract/ipc-result.ts';
import { adTestConnection, SEED_PASSWORD } from '../../../core/directory/testing/ad-test-connection.ts';
import { withRealCore } from './real-core.ts';
import { createIpcDispatcher, type IpcDispatcher } from '../dispatcher.ts';
import { seededCaFiles } from './seeded-ca-files.ts';

/**
 * The id every live console holds the test DC's CA file under.
 *
 * Seeded main-side, as the remembered profile would be, so a request can name it without a
 * picker; other CA files go through `ca-file:choose` and {@link LiveConsole.nextCaFile}.
 */
export const LIVE_CA_FILE_ID = '00000000-0000-4000-8000-00000000ca01';

/** A real dispatcher against a real service and the test DC, and what it logged (integration tests only). */
export type LiveConsole = {
  /** What the stand-in for the desktop's file picker answers next (undefined: the admin closed it). */
  nextCaFile: string | undefined;
  /** What the stand-in for Import…'s file picker answers next (undefined: the admin closed it). */
  nextListFile: string | undefined;
  readonly dispatcher: IpcDispatcher;
  readonly lines: Record<string, unknown>[];
  /** Every answer given so far, for "no secret in any answer" checks. */
  readonly answers: IpcResult<unknown>[];
  call<Channel extends IpcChannel>(channel: Channel, request: IpcRequest<Channel>): Promise<IpcResult<unknown>>;
  /** A call that must succeed; its value. */
  value<Channel extends IpcChannel>(channel: Channel, request: IpcRequest<Channel>): Promise<unknown>;
};

/** The defaults the shell would hand over for this service and the test DC. */
export function liveDefaults(service: TestService): ProfileDefaults {
  const connection = adTestConnection();
  const url = service.url;
  return {
    environment: 'AzureCloud',
    serviceUrls: { AzureCloud: url, AzureChinaCloud: url, AzureUSGovernment: url, AzureUSGovernment2: url, AzureUSGovernment3: url },
    username: upnOf('alice'),
    directory: {
      mode: 'server',
      domain: '',
      serverUrl: connection.url,
      transport: 'ldaps',
      caFile: connection.caFile,
      serverName: connection.serverName,
      bindUser: '',
    },
  };
}

/** Alice's sign-in against the service and the test DC, with overrides for negative cases. */
export function liveSignInRequest(service: TestService, overrides: Partial<PasswordSignInRequest> = {}): PasswordSignInRequest {
  const connection = adTestConnection();
  return {
    environment: 'AzureCloud',
    serviceUrl: service.url,
    username: upnOf('alice'),
    password: SEED_PASSWORD,
    directory: { mode: 'server', serverUrl: connection.url, transport: 'ldaps', caFileId: LIVE_CA_FILE_ID, serverName: connection.serverName },
    operationId: randomUUID(),
    ...overrides,
  };
}

/** Build the real dispatcher exactly as the shell does, logging into `lines`; `liveChanges` shortens the polling. */
export function createLiveConsole(service: TestService, options: { readonly liveChanges?: LiveChangesTimings } = {}): LiveConsole {
  const lines: Record<string, unknown>[] = [];
  const answers: IpcResult<unknown>[] = [];
  const caFiles = seededCaFiles(adTestConnection().caFile, LIVE_CA_FILE_ID);
  const picker = { next: undefined as string | undefined, nextList: undefined as string | undefined };
  const dispatcher = createIpcDispatcher(
    withRealCore({
      profiles: createMemoryProfileStore(liveDefaults(service)),
      caFiles,
      chooseCaFile: () => Promise.resolve(picker.next),
      chooseListFile: () => Promise.resolve(picker.nextList),
      liveChanges: options.liveChanges,
      log: (line) => lines.push(line),
    }),
  );
  const call = async (channel: IpcChannel, request: unknown): Promise<IpcResult<unknown>> => {
    const answer = await dispatcher.dispatch(channel, request);
    answers.push(answer);
    return answer;
  };
  return {
    get nextCaFile() {
      return picker.next;
    },
    set nextCaFile(path) {
      picker.next = path;
    },
    get nextListFile() {
      return picker.nextList;
    },
    set nextListFile(path) {
      picker.nextList = path;
    },
    dispatcher,
    lines,
    answers,
    call,
    async value(channel, request) {
      const answer = await call(channel, request);
      if (!answer.ok) throw new Error(`${channel} failed: ${answer.error.code}: ${answer.error.message}`);
      return answer.value;
    },
  };
}

/** A JSON Web Token anywhere in a text (the service's tokens are JWTs). */
export const TOKEN_PATTERN = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
