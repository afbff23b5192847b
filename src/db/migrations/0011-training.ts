import type { Kysely } from 'kysely';

/**
 * Training (docs/training.md): courses with their lessons and audience, and one enrolment per course and
 * KOS. Lessons and the audience are JSON text, always read with their course. An enrolment is unique per
 * (course, KOS), so two assignments at once store one row; its stored status is `assigned`, `in_progress`
 * or `completed` (`overdue` is read from `due_at`), its completed lessons a JSON list of lesson ids.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('courses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('lessons', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('due_days', 'integer', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('courses_org').on('courses').columns(['org_id', 'id']).execute();

  await db.schema
    .createTable('enrolments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id'))
    .addColumn('kos_id', 'text', (c) => c.notNull().references('kos.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'bigint', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('completed_lessons', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'bigint')
    .addColumn('last_quiz', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enrolments_course_kos').on('enrolments').columns(['course_id', 'kos_id']).unique().execute();
  await db.schema.createIndex('enrolments_org_kos').on('enrolments').columns(['org_id', 'kos_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['enrolments', 'courses']) await db.schema.dropTable(table).execute();
}
