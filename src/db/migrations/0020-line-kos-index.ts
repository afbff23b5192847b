import { type Kysely, sql } from 'kysely';

/**
 * `order_lines_org_kos_time` (org, KOS, order time) holds attributed lines only (docs/imports.md, "Speed").
 * Every read that uses it names its KOS (`kos_id = ?` or `kos_id in (…)`), which implies `kos_id is not
 * null`, so both databases still use it for them; the unattributed lines — most of a report, each a
 * write to a random page of this index, since order times arrive unordered — no longer pay for it. A
 * fresh 300 000-line import into SQLite: 16 500 → 19 400 lines/s (docs/benchmarks.md, "Import").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('order_lines_org_kos_time').execute();
  await db.schema
    .createIndex('order_lines_org_kos_time')
    .on('order_lines')
    .columns(['org_id', 'kos_id', 'order_time'])
    .where(sql.ref('kos_id'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('order_lines_org_kos_time').execute();
  await db.schema.createIndex('order_lines_org_kos_time').on('order_lines').columns(['org_id', 'kos_id', 'order_time']).execute();
}
