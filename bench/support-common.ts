// Shared helpers of the import and ledger benchmarks: options, databases, the benchmark org, child
// processes that report one JSON result, a seeded random source and a plain-text table.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDatabase, type Database, type Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { type Principal, systemPrincipal } from '../src/features/access/access.js';
import { mulberry32 } from '../src/features/demo/demo-random.js';
import { createOrg, findOrgBySlug } from '../src/features/orgs/orgs.service.js';

export const BENCH_SLUG = 'bench-org';
export const POSTGRES_ADMIN_URL = process.env.KOS_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** `--name N` or the environment variable, else the default; a positive integer. */
export function sizeOption(name: string, envName: string, fallback: number): number {
  const { values } = parseArgs({ options: { [name]: { type: 'string' } }, strict: false });
  const raw = values[name] ?? process.env[envName];
  const value = raw === undefined || raw === true ? fallback : Number(String(raw).replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} / ${envName} must be a positive integer`);
  return value;
}

export const flag = (name: string): boolean => process.argv.includes(`--${name}`);

export const ownerOf = (orgId: string): Principal => systemPrincipal(orgId);

/** Opens and migrates a database (`sqlite:<file>` or `postgres://…`). */
export async function openDatabase(url: string): Promise<Database> {
  const database = createDatabase(url, { poolSize: 4 });
  await migrateToLatest(database.db);
  return database;
}

/** The benchmark org (VND, Asia/Ho_Chi_Minh), created on first use. */
export async function benchOrg(db: Db): Promise<{ orgId: string; owner: Principal; created: boolean }> {
  const found = await findOrgBySlug(db, BENCH_SLUG);
  if (found) return { orgId: found.id, owner: ownerOf(found.id), created: false };
  const { org } = await createOrg(db, {
    name: 'Benchmark org',
    slug: BENCH_SLUG,
    adminEmail: 'bench@example.com',
    adminPassword: 'bench-password-not-secret',
  });
  return { orgId: org.id, owner: ownerOf(org.id), created: true };
}

/** KOS code number i (1-based), the same in the generated reports and in the org. */
export const kosCode = (i: number): string => `BK${String(i).padStart(5, '0')}`;

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function postgresReachable(): Promise<boolean> {
  try {
    await adminQuery('select 1');
    return true;
  } catch {
    return false;
  }
}

/** A new, empty PostgreSQL database on the admin URL's server; `drop` removes it. */
export async function createPostgresDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

/** Row counts and sums that any change to stored lines or the ledger would move. */
export async function storedState(db: Db, orgId: string): Promise<Record<string, number>> {
  const lines = await db
    .selectFrom('order_lines')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('lastUpdate')])
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const history = await db
    .selectFrom('order_line_history')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const entries = await db
    .selectFrom('ledger_entries')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('amount_minor').as('amount'),
      eb.fn.max('updated_at').as('last'),
    ])
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return {
    lines: Number(lines.n),
    attributed: Number(
      (
        await db
          .selectFrom('order_lines')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', orgId)
          .where('kos_id', 'is not', null)
          .executeTakeFirstOrThrow()
      ).n,
    ),
    lastLineUpdate: Number(lines.lastUpdate ?? 0),
    history: Number(history.n),
    entries: Number(entries.n),
    entryAmount: Number(entries.amount ?? 0),
    lastEntryUpdate: Number(entries.last ?? 0),
  };
}

/** The demo's seeded generator (mulberry32), so every run writes the same file. */
export const seededRandom = mulberry32;

/** Prints rows under a header, columns padded (numbers right-aligned). */
export function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? format(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  for (const [n, row] of cells.entries()) {
    const numeric = (i: number) => n > 0 && typeof rows[n - 1]?.[i] === 'number';
    console.log(row.map((c, i) => (numeric(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

/** A number with thousands separated by thin spaces and at most 2 decimals (3 significant for small ones). */
export function format(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 2 : 3;
  const [whole, fraction] = value.toFixed(digits).split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return fraction ? `${grouped}.${fraction}` : grouped;
}
