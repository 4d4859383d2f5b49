import type { ConfigStore } from './config-store.ts';
import { isPostgresUrl, postgresTargetOf } from './postgres/database-url.ts';
import { openFailureOf } from './postgres/open-failure.ts';
import { openPostgresStore } from './postgres/postgres-store.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';

/**
 * Open the configuration store `CONNECTOR_DATABASE` names: a `postgres://` URL, or a SQLite file.
 *
 * SQLite is the embedded default for one node; PostgreSQL is what several nodes behind a load
 * balancer share. Every refusal names the setting and says what to do.
 */
export async function openConfigStore(setting: string, env: NodeJS.ProcessEnv): Promise<ConfigStore> {
  if (!isPostgresUrl(setting)) return openSqliteStore(setting);
  const target = await postgresTargetOf(setting, env);
  try {
    return await openPostgresStore(target);
  } catch (error) {
    throw openFailureOf(error, target.description, target.user);
  }
}
