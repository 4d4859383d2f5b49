import type { TestProject } from 'vitest/node';
import { ensureDomainController } from './ad/domain-controller.ts';

declare module 'vitest' {
  // Vitest's provide/inject typing is an interface meant to be merged; a type alias cannot be.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    adConnection: string;
  }
}

/**
 * Start (or reuse) the Samba test domain controller once for the integration project and
 * hand its connection to the tests through `inject('adConnection')`.
 */
export default async function setup(project: TestProject): Promise<void> {
  const connection = await ensureDomainController({ log: (line) => process.stderr.write(`[ad] ${line}\n`) });
  project.provide('adConnection', JSON.stringify(connection));
}
