import type { Kysely } from 'kysely';

/**
 * A failed import's reason as a problem (docs/errors.md): `failed_problem` holds `{"key", "params"}` as JSON
 * text next to the English `failed_reason`, so the console words the failure in the reader's language.
 * Imports failed before this migration keep it null and answer their English reason alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('imports').addColumn('failed_problem', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('imports').dropColumn('failed_problem').execute();
}
