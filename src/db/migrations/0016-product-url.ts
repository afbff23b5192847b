import type { Kysely } from 'kysely';

/**
 * A product's own page (`url`, optional): the destination of the links a KOS member makes for themselves
 * (docs/portal.md "Own links").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('products').addColumn('url', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('products').dropColumn('url').execute();
}
