import { DatabaseSettingError } from './database-url.ts';
import { NewerSchemaError } from './migrations.ts';

/** The SQLSTATE of a server error, or the Node error code of a network failure, also behind a wrapping error's cause. */
function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('code' in error && typeof error.code === 'string') return error.code;
  return 'cause' in error ? codeOf(error.cause) : undefined;
}

/**
 * Why a node could not open its PostgreSQL configuration database, as a setting error that says
 * what to do.
 *
 * Names the database by `description` (its URL without a password); the server's own message is
 * kept where it helps and carries no password (PostgreSQL never echoes one).
 */
export function openFailureOf(error: unknown, description: string, user: string): DatabaseSettingError {
  if (error instanceof NewerSchemaError) return new DatabaseSettingError(error.message);
  const message = error instanceof Error ? error.message : String(error);
  switch (codeOf(error)) {
    case '28P01':
      return new DatabaseSettingError(
        `PostgreSQL at ${description} refused the password of user ${user}. Check CONNECTOR_DATABASE_PASSWORD (or the pgpass line for this host, port, database and user).`,
      );
    case '28000':
      return new DatabaseSettingError(
        `PostgreSQL at ${description} does not let user ${user} connect (${message}). Add a line for this node to pg_hba.conf, or check the user name.`,
      );
    case '3D000':
      return new DatabaseSettingError(
        `the database in ${description} does not exist. Create it (CREATE DATABASE … OWNER ${user}) or correct its name in the URL.`,
      );
    case '42501':
      return new DatabaseSettingError(
        `user ${user} may not create the configuration tables in ${description} (${message}). Make ${user} the database's owner.`,
      );
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
    case 'CONNECT_TIMEOUT':
      return new DatabaseSettingError(
        `cannot reach PostgreSQL at ${description} (${message}). Check the hosts and ports, that PostgreSQL runs and listens there (listen_addresses), and the firewall.`,
      );
    default:
      return new DatabaseSettingError(`cannot open the configuration database ${description}: ${message}`);
  }
}
