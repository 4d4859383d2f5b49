import { randomBytes } from 'node:crypto';

/**
 * The head of every test database name, so leftovers can be found and dropped.
 *
 * Nothing else in a test cluster starts with it.
 */
export const testDatabasePrefix = 'rmstest_';

const labelPattern = /^[a-z][a-z0-9_]{0,29}$/;
// Any lower-case identifier under the prefix: other helpers (connector/server/store/testing) name theirs too.
const namePattern = /^rmstest_[a-z0-9_]{1,55}$/;

/**
 * A new, unique database name: `rmstest_<label>_<time>_<random>`.
 *
 * Time and randomness keep parallel test processes apart; the label says which suite made it,
 * which helps when reading leftovers in psql. At most 61 characters (PostgreSQL's limit is 63).
 */
export function newTestDatabaseName(label = 'db'): string {
  if (!labelPattern.test(label)) throw new Error(`Invalid test database label (lower-case letters, digits, _; at most 30): ${label}`);
  return assertTestDatabaseName(`${testDatabasePrefix}${label}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`);
}

/**
 * Return the name when it is a test database's (`rmstest_` + lower-case letters, digits, _), else throw.
 *
 * Names end up in SQL statements that cannot take parameters (CREATE/DROP DATABASE), so only
 * this narrow alphabet is ever accepted, and nothing outside the prefix is ever dropped.
 */
export function assertTestDatabaseName(name: string): string {
  if (!isTestDatabaseName(name)) throw new Error(`Not a test database name: ${name}`);
  return name;
}

/**
 * Whether a name is a test database's, the check behind `assertTestDatabaseName`.
 *
 * The leftover cleanup skips, rather than fails on, odd names someone created by hand.
 */
export function isTestDatabaseName(name: string): boolean {
  return namePattern.test(name);
}
