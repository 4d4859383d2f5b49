import { isAbsolute } from 'node:path';
import type { OutputFilePreview, ServerConfigPlan, ServerConfigPlanRequest, ServerConfigSaveRequest } from '../../contract/server-config.ts';
import {
  OutputWriteError,
  parseConnectorUrl,
  planServerConfiguration,
  readTenantUrl,
  renderOutputFiles,
  writeOutputFiles,
  type Notice,
  type OutputFile,
  type ReadTenantUrlOptions,
  type ServerConfigurationPlan,
} from '../../core/server-config/index.ts';
import { throwIfCancelled } from './abortable.ts';
import type { FolderChooser } from './console-ports.ts';
import { consoleFailure } from './console-failure.ts';
import { sessionHandler, type HandlerTable } from './handler-types.ts';

/** What the server-config handlers need: the folder picker, and (in tests) how the tenant URL is read. */
export type ServerConfigHandlerOptions = {
  readonly chooseFolder?: FolderChooser | undefined;
  readonly tenantUrlOptions?: ReadTenantUrlOptions | undefined;
};

type Generated = {
  readonly plan: ServerConfigurationPlan;
  readonly files: readonly OutputFile[];
  readonly tenantUrlSource: 'given' | 'connector';
  readonly notices: readonly Notice[];
};

const FIELD_NAMES = { connectorUrl: 'connector URL', tenantUrl: 'tenant URL', profile: 'profile' } as const;

/**
 * Configure servers: the registry values, .reg files and scripts for every server type,
 * previewed in the console and saved where the admin chooses.
 *
 * Saving generates everything again from the input (never from text the renderer holds),
 * asks the desktop for the folder only once the input is accepted, and writes all files or
 * none; a refused URL therefore never opens a picker or touches the disk.
 */
export function createServerConfigHandlers(options: ServerConfigHandlerOptions = {}): Pick<HandlerTable, 'server-config:plan' | 'server-config:save'> {
  return {
    'server-config:plan': sessionHandler(
      async (request, { signal }) => {
        const generated = await generate(request, signal, options.tenantUrlOptions);
        return planForDisplay(generated);
      },
      { cancellable: true },
    ),
    'server-config:save': sessionHandler(
      async (request, { signal }) => {
        const chooseFolder = options.chooseFolder;
        if (chooseFolder === undefined) {
          throw consoleFailure(
            'NOT_AVAILABLE',
            'Files cannot be saved here',
            'This console runs without the desktop app, so it cannot ask for a folder. Copy the text from the preview instead, or use rms-connector-admin server-config --out DIR.',
          );
        }
        const generated = await generate(request, signal, options.tenantUrlOptions);
        const files = selectFiles(generated.files, request);
        throwIfCancelled(signal);
        const folder = await chooseFolder({ title: 'Choose the folder for the server configuration files', buttonLabel: 'Save here' });
        if (folder === undefined) return { saved: false as const };
        if (!isAbsolute(folder)) throw new Error('The folder chooser answered a relative path.');
        throwIfCancelled(signal);
        write(folder, files, request.replaceExisting === true);
        return { saved: true as const, folder, files: files.map((file) => ({ name: file.name, bytes: file.bytes.length })) };
      },
      { cancellable: true },
    ),
  };
}

/** Check the input, read the tenant URL from the connector when none was typed, and render every file. */
async function generate(request: ServerConfigPlanRequest, signal: AbortSignal, tenantUrlOptions: ReadTenantUrlOptions | undefined): Promise<Generated> {
  // The connector URL is checked before it is asked for anything (the typed case checks both below).
  const connector = parseConnectorUrl(request.connectorUrl);
  if (!connector.ok && request.tenantUrl === undefined) throw refused([connector.issue]);
  let tenantUrl = request.tenantUrl;
  let readNotices: readonly Notice[] = [];
  if (tenantUrl === undefined) {
    const reading = await readTenantUrl(request.connectorUrl, { ...tenantUrlOptions, signal });
    throwIfCancelled(signal);
    if (!reading.ok) throw consoleFailure(`TENANT_URL_${reading.error.code}`, 'The tenant URL could not be read from the connector', reading.error.message);
    tenantUrl = reading.tenantUrl;
    readNotices = reading.notices;
  }
  const result = planServerConfiguration({ connectorUrl: request.connectorUrl, tenantUrl, profile: request.profile });
  if (!result.ok) throw refused(result.issues);
  return {
    plan: result.plan,
    files: renderOutputFiles(result.plan),
    tenantUrlSource: request.tenantUrl === undefined ? 'connector' : 'given',
    notices: [...readNotices, ...result.plan.notices],
  };
}

function refused(issues: readonly { readonly code: string; readonly field: keyof typeof FIELD_NAMES; readonly message: string }[]): Error {
  const fields = [...new Set(issues.map((issue) => FIELD_NAMES[issue.field]))];
  return consoleFailure(issues[0]?.code ?? 'INVALID_INPUT', `The ${fields.join(' and the ')} cannot be used`, issues.map((issue) => issue.message).join(' '));
}

function planForDisplay(generated: Generated): ServerConfigPlan {
  const { plan } = generated;
  return {
    connectorUrl: plan.connectorUrl,
    tenantUrl: plan.tenantUrl,
    tenantUrlSource: generated.tenantUrlSource,
    profile: plan.profile,
    notices: [...generated.notices],
    servers: plan.servers.map((server) => ({
      ...server,
      keys: server.keys.map((key) => ({ path: key.path, values: key.values.map((value) => ({ ...value })) })),
      followUpSteps: [...server.followUpSteps],
    })),
    profileDifferences: plan.profileDifferences.map(({ current, legacy, ...rest }) => ({
      ...rest,
      ...(current === undefined ? {} : { current }),
      ...(legacy === undefined ? {} : { legacy }),
    })),
    files: generated.files.map(previewOf),
  };
}

/** A file as the preview shows it: decoded from the exact bytes that would be written. */
function previewOf(file: OutputFile): OutputFilePreview {
  const utf16 = file.kind === 'reg';
  const text = (utf16 ? file.bytes.toString('utf16le') : file.bytes.toString('utf8')).replace(/^\uFEFF/, '');
  return {
    name: file.name,
    kind: file.kind,
    ...(file.serverType === undefined ? {} : { serverType: file.serverType }),
    encoding: utf16 ? 'UTF-16LE with BOM' : 'UTF-8 with BOM',
    bytes: file.bytes.length,
    text,
  };
}

/**
 * The files the admin asked for: the chosen outputs, of the chosen server types. The GPO
 * script covers every type, so it goes whenever it is asked for.
 */
function selectFiles(files: readonly OutputFile[], request: ServerConfigSaveRequest): OutputFile[] {
  const types = new Set(request.serverTypes ?? files.flatMap((file) => (file.serverType === undefined ? [] : [file.serverType])));
  const kinds = new Set(request.outputs ?? ['reg', 'local-script', 'gpo-script']);
  return files.filter((file) => kinds.has(file.kind) && (file.serverType === undefined || types.has(file.serverType)));
}

function write(folder: string, files: readonly OutputFile[], replace: boolean): void {
  try {
    writeOutputFiles(folder, files, { replace, createFolder: false });
  } catch (error) {
    if (!(error instanceof OutputWriteError)) throw error;
    switch (error.code) {
      case 'NOT_A_FOLDER':
        throw consoleFailure('NOT_A_FOLDER', 'The chosen place is not a folder', `${folder} is not a folder. Choose Save files… again and pick a folder.`);
      case 'OUTPUT_EXISTS':
        throw consoleFailure(
          'OUTPUT_EXISTS',
          'The folder already holds these files',
          `${folder} already holds files of the same names; nothing was written. Choose Save files… again and pick another folder, or tick "Replace existing files".`,
          error.existing,
        );
      case 'WRITE_FAILED':
        throw consoleFailure(
          'WRITE_FAILED',
          'The files could not be written',
          `Nothing was written to ${folder} (${error.message}). Check you may write to the folder, or choose another.`,
        );
    }
  }
}
