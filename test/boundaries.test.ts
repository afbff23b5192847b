import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { boundaryViolations, readSources, type SourceFile, TABLE_OWNERS, tablesWritten } from './support/boundaries.js';

const ROOT = join(import.meta.dirname, '..');

describe('the boundaries of docs/architecture.md hold in src/', () => {
  const sources = readSources(ROOT);

  test('no feature writes another feature’s table, no circle between features, lib imports only lib', () => {
    expect(boundaryViolations(sources)).toEqual([]);
  });

  test('every table of the schema has an owner, and docs/architecture.md lists the same owners', () => {
    const schema = readFileSync(join(ROOT, 'src/db/schema.ts'), 'utf8');
    const db = /export interface DB \{([^}]*)\}/.exec(schema)?.[1] ?? '';
    const tables = [...db.matchAll(/^\s*([a-z_]+):/gm)].map((m) => m[1]).sort();
    expect(tables).toEqual(Object.keys(TABLE_OWNERS).sort());
    const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    for (const [table, owner] of Object.entries(TABLE_OWNERS))
      expect(doc).toMatch(new RegExp(`\\| \`${table}\` \\| ${owner} \\|`));
  });
});

describe('the boundary check catches each kind of violation', () => {
  const file = (path: string, text: string): SourceFile => ({ path, text });

  test.each([
    [
      'a feature writing another feature’s table (Kysely)',
      [file('src/features/payouts/payouts.service.ts', "await trx.insertInto('ledger_entries').values(row).execute();")],
      /payouts\.service\.ts: writes table ledger_entries, owned by feature ledger/,
    ],
    [
      'a feature writing another feature’s table (raw SQL)',
      [
        file(
          'src/features/members/members.repository.ts',
          'await sql`update orgs set updated_at = updated_at where id = 1`.execute(db);',
        ),
      ],
      /writes table orgs, owned by feature orgs/,
    ],
    [
      'two features importing each other',
      [
        file('src/features/orders/lines.service.ts', "import { bookLineChanges } from '../ledger/book-lines.js';"),
        file('src/features/ledger/book-lines.ts', "import type { StoredLine } from '../orders/lines.js';"),
      ],
      /features import each other in a circle: (orders → ledger → orders|ledger → orders → ledger)/,
    ],
    [
      'a circle through three features',
      [
        file('src/features/a/a.service.ts', "import { b } from '../b/b.service.js';"),
        file('src/features/b/b.service.ts', "import { c } from '../c/c.js';"),
        file('src/features/c/c.ts', "import type { A } from '../a/a.js';"),
      ],
      /circle: a → b → c → a/,
    ],
    [
      'lib importing a feature',
      [file('src/lib/money.ts', "import type { Plan } from '../features/plans/plans.js';")],
      /lib\/ imports/,
    ],
    [
      'a feature importing another feature’s repository',
      [file('src/features/payouts/payouts.service.ts', "import { findEntry } from '../ledger/ledger.repository.js';")],
      /another feature's repository or routes/,
    ],
    [
      'a service re-exporting a repository function',
      [file('src/features/orgs/orgs.service.ts', 'export const findOrgBySlug = repo.findOrgBySlug;')],
      /re-exports a repository function/,
    ],
    ['a service re-exporting names', [file('src/features/ledger/ledger.service.ts', 'export { lockKos };')], /re-exports names/],
    ['a table nobody owns', [file('src/features/kos/kos.repository.ts', "db.deleteFrom('mystery')")], /has no owner/],
    [
      'code outside the features writing a table',
      [file('src/cli/fix.ts', "db.updateTable('payouts')")],
      /owned by feature payouts/,
    ],
  ])('%s', (_name, files, expected) => {
    const violations = boundaryViolations(files);
    expect(violations.join('\n')).toMatch(expected);
  });

  test('tests, fixtures and migrations may write any table; reads are not writes', () => {
    expect(
      boundaryViolations([
        file('src/features/ledger/ledger.test.ts', "await db.insertInto('orgs').values(x).execute();"),
        file('src/features/links/links-fixture.ts', "await db.updateTable('kos').set(x).execute();"),
        file('src/db/migrations/0009-x.ts', 'await sql`update links set destination_url = 1`.execute(db);'),
        file('src/features/payouts/payouts.repository.ts', "db.selectFrom('ledger_entries').select('id')"),
      ]),
    ).toEqual([]);
    expect(tablesWritten(file('x.ts', "db.updateTable('ledger_entries as e').set({})"))).toEqual(['ledger_entries']);
  });
});
