import type { OutputFilePreview } from '../../contract/server-config.ts';
import { renderGpoScript } from './gpo-script.ts';
import { renderLocalScript } from './local-script.ts';
import type { ServerConfigurationPlan } from './plan-server-configuration.ts';
import { renderRegFile } from './reg-file.ts';

/**
 * One generated file: its name (no folder), what it is, the server type it configures (absent
 * for the GPO script, which covers all) and its exact bytes.
 *
 * The contract's preview with the bytes themselves rather than their count, encoding and text.
 */
export type OutputFile = Readonly<Pick<OutputFilePreview, 'name' | 'kind' | 'serverType'>> & { readonly bytes: Buffer };

/**
 * Every file of a plan, in a stable order: per server type its .reg file and local script,
 * then the GPO script.
 *
 * The caller writes them; this module does no file I/O, so the console and the CLI write
 * the same bytes their own way.
 */
export function renderOutputFiles(plan: ServerConfigurationPlan): OutputFile[] {
  return [
    ...plan.servers.flatMap((server): OutputFile[] => [
      { name: server.regFileName, kind: 'reg', serverType: server.serverType, bytes: renderRegFile(plan, server.serverType) },
      { name: server.localScriptFileName, kind: 'local-script', serverType: server.serverType, bytes: renderLocalScript(plan, server.serverType) },
    ]),
    { name: plan.gpoScriptFileName, kind: 'gpo-script', bytes: renderGpoScript(plan) },
  ];
}
