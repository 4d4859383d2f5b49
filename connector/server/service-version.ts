import { readFileSync } from 'node:fs';

/**
 * The version a node reports (from package.json), shown in the connector list and OpenAPI.
 *
 * Read once at load; the package file sits two folders up in the source tree.
 */
export const SERVICE_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
