import path from 'node:path';
import {
  OutputWriteError,
  parseConnectorUrl,
  planServerConfiguration,
  readTenantUrl,
  renderOutputFiles,
  writeOutputFiles,
  type Notice,
  type OutputFile,
  type ServerConfigurationPlan,
  type ServerType,
} from '../../core/server-config/index.ts';
import { readCaFileOption } from './ca-file-option.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { CommandResult } from './directory-commands.ts';

/** The flags `server-config` reads (a subset of what parseArgs hands over). */
export type ServerConfigFlagValues = {
  readonly 'connector-url'?: string | undefined;
  readonly 'tenant-url'?: string | undefined;
  readonly 'ca-file'?: string | undefined;
  readonly profile?: string | undefined;
  readonly out?: string | undefined;
  readonly force?: boolean | undefined;
  readonly type?: string | undefined;
};

/** What `--type` names, and the server types (each product's versions) each word covers. */
const TYPE_WORDS: Readonly<Record<string, readonly ServerType[]>> = {
  exchange: ['exchange2013', 'exchange2010'],
  sharepoint: ['sharepoint2013', 'sharepoint2010'],
  fci: ['fci2012'],
};

/**
 * The server types `--type exchange,sharepoint` asks for; undefined (all of them) without it.
 *
 * An admin who runs only Exchange gets only Exchange's files, and a Group Policy script that
 * creates only Exchange's objects.
 */
export function serverTypesOf(option: string | undefined): ReadonlySet<ServerType> | undefined {
  if (option === undefined) return undefined;
  const words = option.split(',').map((word) => word.trim().toLowerCase());
  const unknown = words.filter((word) => TYPE_WORDS[word] === undefined);
  if (unknown.length > 0 || words.length === 0)
    throw new CliError(
      'USAGE',
      `Unknown server-config --type "${unknown.join(',') || option}". Use exchange, sharepoint or fci, or several: --type exchange,fci.`,
    );
  return new Set(words.flatMap((word) => TYPE_WORDS[word] ?? []));
}

/**
 * Check `server-config`'s arguments, then return the run that reads the tenant URL (when
 * not given), generates every file and writes them.
 *
 * Every input is checked before anything touches the disk or the network: a refused URL
 * leaves `--out` as it was (not even created).
 */
export function serverConfigCommandFor(operands: readonly string[], values: ServerConfigFlagValues, env: NodeJS.ProcessEnv): () => Promise<CommandResult> {
  if (operands.length > 0) throw new CliError('USAGE', `server-config takes no operands; remove "${operands.join(' ')}".`);
  const connectorUrl = values['connector-url'];
  if (connectorUrl === undefined)
    throw new CliError(
      'USAGE',
      'server-config needs --connector-url URL: the load-balanced connector name, for example --connector-url https://rmsconnector.contoso.com.',
    );
  if (values.out === undefined || values.out === '')
    throw new CliError('USAGE', 'server-config needs --out DIR: the folder to write the .reg files and scripts to.');
  const outDir = path.resolve(values.out);
  const connector = parseConnectorUrl(connectorUrl);
  if (!connector.ok) throw new CliError(connector.issue.code, connector.issue.message);
  const caFile = values['ca-file'];
  const serverTypes = serverTypesOf(values.type);
  return async () => {
    const caPem = caFile === undefined ? undefined : await readCaFileOption(caFile);
    const given = values['tenant-url'];
    const tenant = given === undefined ? await readTenantUrl(connectorUrl, { caPem, env }) : undefined;
    if (tenant !== undefined && !tenant.ok) throw new CliError(`TENANT_URL_${tenant.error.code}`, tenant.error.message);
    const planned = planServerConfiguration({ connectorUrl, tenantUrl: given ?? (tenant?.ok === true ? tenant.tenantUrl : ''), profile: values.profile });
    if (!planned.ok) throw new CliError(planned.issues[0]?.code ?? 'INVALID_INPUT', planned.issues.map((issue) => issue.message).join(' '));
    const result = {
      plan: serverTypes ? { ...planned.plan, servers: planned.plan.servers.filter((server) => serverTypes.has(server.serverType)) } : planned.plan,
    };
    const files = renderOutputFiles(result.plan);
    writeFiles(outDir, files, values.force === true);
    const tenantUrlSource = given === undefined ? 'connector' : 'given';
    const notices = [...(tenant?.ok === true ? tenant.notices : []), ...result.plan.notices];
    return {
      human: formatHuman(result.plan, outDir, files, tenantUrlSource, notices),
      json: summaryJson(result.plan, outDir, files, tenantUrlSource, notices),
      exitCode: EXIT.ok,
    };
  };
}

/** Write every file or none (core's writer), with the CLI's words for each refusal. */
function writeFiles(outDir: string, files: readonly OutputFile[], force: boolean): void {
  try {
    writeOutputFiles(outDir, files, { replace: force, createFolder: true });
  } catch (error) {
    if (!(error instanceof OutputWriteError)) throw error;
    switch (error.code) {
      case 'NOT_A_FOLDER':
        throw new CliError('INVALID_INPUT', `--out ${outDir} exists and is not a folder. Choose a folder.`);
      case 'OUTPUT_EXISTS':
        throw new CliError(
          'OUTPUT_EXISTS',
          `${outDir} already holds ${error.existing.join(', ')}. Choose another --out folder, or add --force to replace them.`,
        );
      case 'WRITE_FAILED':
        throw new CliError('WRITE_FAILED', `Could not write the files to ${outDir} (${error.message}). Check the folder exists and you may write to it.`);
    }
  }
}

const KIND_LABEL = { reg: 'registry file', 'local-script': 'local script', 'gpo-script': 'Group Policy script' } as const;

function formatHuman(plan: ServerConfigurationPlan, outDir: string, files: readonly OutputFile[], tenantUrlSource: string, notices: readonly Notice[]): string {
  const width = Math.max(...files.map((file) => file.name.length));
  const warnings = notices.filter((notice) => notice.severity === 'warning');
  const infos = notices.filter((notice) => notice.severity === 'info');
  const sections = [
    [
      `Wrote ${files.length} files to ${outDir} (profile ${plan.profile}):`,
      ...files.map((file) => `  ${file.name.padEnd(width)}  ${KIND_LABEL[file.kind]}`),
      '',
      `Connector URL: ${plan.connectorUrl}`,
      `Tenant URL:    ${plan.tenantUrl}${tenantUrlSource === 'connector' ? ' (read from the connector)' : ''}`,
    ].join('\n'),
    ...(infos.length > 0 ? [infos.map((notice) => `Note: ${notice.message}`).join('\n')] : []),
    ['Warnings:', ...warnings.map((notice) => `  ${notice.code}: ${notice.message}`)].join('\n'),
    ...plan.servers.map((server) =>
      [
        `${server.title} (${server.regFileName}, ${server.localScriptFileName}; GPO "${server.gpoName}")`,
        `  Configure: ${server.configure}`,
        '  Then:',
        ...server.followUpSteps.map((step) => `    - ${step}`),
      ].join('\n'),
    ),
    [
      `Profiles: this is "${plan.profile}"; the other profile differs in:`,
      ...plan.profileDifferences.filter((difference) => difference.kind !== 'gpo-name').map((difference) => `  - ${difference.summary}`),
      '  - The Group Policy object names.',
      '  (docs/server-configuration.md explains both.)',
    ].join('\n'),
  ];
  return sections.join('\n\n');
}

function summaryJson(
  plan: ServerConfigurationPlan,
  outDir: string,
  files: readonly OutputFile[],
  tenantUrlSource: string,
  notices: readonly Notice[],
): unknown {
  return {
    connectorUrl: plan.connectorUrl,
    tenantUrl: plan.tenantUrl,
    tenantUrlSource,
    profile: plan.profile,
    outputDirectory: outDir,
    files: files.map((file) => ({ name: file.name, kind: file.kind, serverType: file.serverType ?? null, bytes: file.bytes.length })),
    notices,
    servers: plan.servers,
    profileDifferences: plan.profileDifferences,
  };
}
