import type { Kysely } from 'kysely';

/**
 * `order_lines.fingerprint`: a hash of a stored line's canonical fields (docs/imports.md, "Speed"), so a
 * re-import reads four columns of each stored line instead of all of them and decides an unchanged line
 * by one compare. Lines stored before this migration have none (null): they are compared field by field,
 * as before, which gives the same statuses; the next change of such a line writes its fingerprint.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('order_lines').addColumn('fingerprint', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('order_lines').dropColumn('fingerprint').execute();
}
