import { describe, expect, it } from 'vitest';
import { assertTestDatabaseName, newTestDatabaseName } from './test-database-names.ts';

describe('test-database-names', () => {
  it('makes distinct names that pass its own check and fit PostgreSQL identifiers', () => {
    const names = Array.from({ length: 50 }, () => newTestDatabaseName('a_label_of_exactly_thirty_char'));

    expect(new Set(names).size).toBe(50);
    for (const name of names) {
      expect(assertTestDatabaseName(name)).toBe(name);
      expect(name.length).toBeLessThanOrEqual(63);
    }
  });

  it.each([
    ['a quote', 'x"; drop database postgres; --'],
    ['upper case', 'Store'],
    ['a leading digit', '1store'],
    ['an empty label', ''],
    ['31 characters', 'a'.repeat(31)],
  ])('refuses a label with %s', (_description, label) => {
    expect(() => newTestDatabaseName(label)).toThrow(/Invalid test database label/);
  });

  it('accepts names other helpers make under the prefix', () => {
    expect(assertTestDatabaseName('rmstest_store_0a1b2c3d4e5f')).toBe('rmstest_store_0a1b2c3d4e5f');
  });

  it.each([['postgres'], ['template1'], ['rmstest_'], ['rmstest_db_x_1234abcd; drop'], ['rmstest_Db_abc_1234abcd'], [`rmstest_${'a'.repeat(56)}`]])(
    'refuses %s as a test database name',
    (name) => {
      expect(() => assertTestDatabaseName(name)).toThrow(/Not a test database name/);
    },
  );
});
