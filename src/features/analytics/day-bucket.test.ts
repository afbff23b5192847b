import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { dayNumberToDate, localDaySql } from './day-bucket.js';

// Compiles without a database: the expression is the same text on SQLite and PostgreSQL.
const compiler = new Kysely<Record<string, never>>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const text = (from: string, to: string, tz: string) =>
  localDaySql(sql`t`, Date.parse(from), Date.parse(to), tz).compile(compiler).sql;

describe('localDaySql', () => {
  test('a zone without DST keeps the fixed-offset arithmetic (the fast path, as before)', () => {
    expect(text('2025-12-31T17:00:00Z', '2026-12-31T17:00:00Z', 'Asia/Ho_Chi_Minh')).toBe(
      'cast((t + 25200000) / 86400000 as integer)',
    );
  });

  test('a DST zone inside one offset period keeps it too', () => {
    expect(text('2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z', 'Europe/Berlin')).toBe(
      'cast((t + 7200000) / 86400000 as integer)',
    );
  });

  test('a range over transitions picks the offset by instant, one branch per transition', () => {
    expect(text('2025-12-31T23:00:00Z', '2026-12-31T23:00:00Z', 'Europe/Berlin')).toBe(
      'case when t < 1774746000000 then cast((t + 3600000) / 86400000 as integer)' +
        ' when t < 1792890000000 then cast((t + 7200000) / 86400000 as integer)' +
        ' else cast((t + 3600000) / 86400000 as integer) end',
    );
  });

  test('has no parameters, so GROUP BY can repeat it', () => {
    expect(localDaySql(sql`t`, 0, 400 * 86_400_000, 'America/New_York').compile(compiler).parameters).toEqual([]);
  });
});

test('dayNumberToDate', () => {
  expect(dayNumberToDate(0)).toBe('1970-01-01');
  expect(dayNumberToDate(Date.parse('2026-03-29T00:00:00Z') / 86_400_000)).toBe('2026-03-29');
});
