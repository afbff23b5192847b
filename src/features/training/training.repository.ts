import type { Selectable } from 'kysely';
import { type Db, eachChunk, inChunks } from '../../db/database.js';
import type { CoursesTable, EnrolmentsTable } from '../../db/schema.js';
import { parseJson } from '../../lib/json.js';
import type { KosStatus, Relationship, Tier } from '../kos/kos.js';
import type { Audience, AudienceFacts, EnrolmentStatus, Lesson, QuizScore, StoredStatus } from './training.js';

/** A course as stored, times in epoch ms. */
export interface CourseRecord {
  id: string;
  orgId: string;
  title: string;
  description: string | null;
  lessons: Lesson[];
  audience: Audience;
  required: boolean;
  dueDays: number;
  published: boolean;
  createdAt: number;
  updatedAt: number;
}
export type CourseValues = Omit<CourseRecord, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>;

export interface EnrolmentRecord {
  id: string;
  orgId: string;
  courseId: string;
  kosId: string;
  status: StoredStatus;
  assignedAt: number;
  dueAt: number;
  completedLessons: string[];
  completedAt: number | null;
  lastQuiz: QuizScore | null;
}

const EMPTY_AUDIENCE: Audience = { tiers: [], relationships: [], statuses: [], unitIds: [] };

const toCourse = (r: Selectable<CoursesTable>): CourseRecord => ({
  id: r.id,
  orgId: r.org_id,
  title: r.title,
  description: r.description,
  lessons: parseJson(r.lessons, []),
  audience: { ...EMPTY_AUDIENCE, ...parseJson(r.audience, {}) },
  required: r.required === 1,
  dueDays: r.due_days,
  published: r.published === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const courseColumns = (v: CourseValues) => ({
  title: v.title,
  description: v.description,
  lessons: JSON.stringify(v.lessons),
  audience: JSON.stringify(v.audience),
  required: v.required ? 1 : 0,
  due_days: v.dueDays,
  published: v.published ? 1 : 0,
});

const toEnrolment = (r: Selectable<EnrolmentsTable>): EnrolmentRecord => ({
  id: r.id,
  orgId: r.org_id,
  courseId: r.course_id,
  kosId: r.kos_id,
  status: r.status as StoredStatus,
  assignedAt: r.assigned_at,
  dueAt: r.due_at,
  completedLessons: parseJson(r.completed_lessons, []),
  completedAt: r.completed_at,
  lastQuiz: parseJson(r.last_quiz, null),
});

export async function insertCourse(trx: Db, orgId: string, id: string, values: CourseValues, now: number): Promise<void> {
  await trx
    .insertInto('courses')
    .values({ id, org_id: orgId, ...courseColumns(values), created_at: now, updated_at: now })
    .execute();
}

export async function updateCourse(trx: Db, orgId: string, id: string, values: CourseValues, now: number): Promise<void> {
  await trx
    .updateTable('courses')
    .set({ ...courseColumns(values), updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function findCourse(db: Db, orgId: string, id: string): Promise<CourseRecord | null> {
  const row = await db.selectFrom('courses').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row ? toCourse(row) : null;
}

/** Courses in id order after `after`; only those a KOS is enrolled in when `enrolledKosId` is given. */
export async function listCourses(
  db: Db,
  orgId: string,
  f: { after?: string; limit: number; enrolledKosId?: string },
): Promise<CourseRecord[]> {
  let query = db.selectFrom('courses').selectAll().where('org_id', '=', orgId);
  if (f.after) query = query.where('id', '>', f.after);
  if (f.enrolledKosId) {
    const kosId = f.enrolledKosId;
    query = query.where('id', 'in', (eb) => eb.selectFrom('enrolments').select('course_id').where('kos_id', '=', kosId));
  }
  return (await query.orderBy('id').limit(f.limit).execute()).map(toCourse);
}

export async function publishedCourses(db: Db, orgId: string): Promise<CourseRecord[]> {
  const rows = await db.selectFrom('courses').selectAll().where('org_id', '=', orgId).where('published', '=', 1).execute();
  return rows.map(toCourse);
}

/** The KOS of the org with what an audience looks at; all of them, or those of `ids`. */
export async function audienceFacts(db: Db, orgId: string, ids?: readonly string[]): Promise<(AudienceFacts & { id: string })[]> {
  const select = (slice?: readonly string[]) => {
    let query = db.selectFrom('kos').select(['id', 'tier', 'relationship', 'status', 'unit_id']).where('org_id', '=', orgId);
    if (slice) query = query.where('id', 'in', slice);
    return query.execute();
  };
  const rows = ids ? await inChunks(ids, select) : await select();
  return rows.map((r) => ({
    id: r.id,
    tier: r.tier as Tier | null,
    relationship: r.relationship as Relationship,
    status: r.status as KosStatus,
    unitId: r.unit_id,
  }));
}

export interface NewEnrolment {
  id: string;
  courseId: string;
  kosId: string;
  assignedAt: number;
  dueAt: number;
}

/** Inserts enrolments; one that exists for the same (course, KOS) is left as it is (assigned once). */
export async function insertEnrolments(trx: Db, orgId: string, rows: readonly NewEnrolment[]): Promise<void> {
  await eachChunk(rows, (slice) =>
    trx
      .insertInto('enrolments')
      .values(
        slice.map((r) => ({
          id: r.id,
          org_id: orgId,
          course_id: r.courseId,
          kos_id: r.kosId,
          status: 'assigned',
          assigned_at: r.assignedAt,
          due_at: r.dueAt,
          completed_lessons: '[]',
          completed_at: null,
          last_quiz: null,
          updated_at: r.assignedAt,
        })),
      )
      .onConflict((oc) => oc.columns(['course_id', 'kos_id']).doNothing())
      .execute(),
  );
}

export async function findEnrolment(db: Db, orgId: string, id: string): Promise<EnrolmentRecord | null> {
  const row = await db.selectFrom('enrolments').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row ? toEnrolment(row) : null;
}

export interface EnrolmentFilter {
  after?: string;
  limit: number;
  kosIds?: readonly string[];
  courseId?: string;
  status?: EnrolmentStatus;
  now: number;
}

/** Enrolments in id order; `overdue` (and the statuses it hides) compared with `now`, as `enrolmentStatus` reads it. */
export async function listEnrolments(db: Db, orgId: string, f: EnrolmentFilter): Promise<EnrolmentRecord[]> {
  let query = db.selectFrom('enrolments').selectAll().where('org_id', '=', orgId);
  if (f.after) query = query.where('id', '>', f.after);
  if (f.kosIds) query = f.kosIds.length ? query.where('kos_id', 'in', f.kosIds) : query.where((eb) => eb.lit(false));
  if (f.courseId) query = query.where('course_id', '=', f.courseId);
  if (f.status === 'completed') query = query.where('status', '=', 'completed');
  else if (f.status === 'overdue') query = query.where('status', '!=', 'completed').where('due_at', '<', f.now);
  else if (f.status) query = query.where('status', '=', f.status).where('due_at', '>=', f.now);
  return (await query.orderBy('id').limit(f.limit).execute()).map(toEnrolment);
}

export async function updateProgress(
  trx: Db,
  id: string,
  p: { status: StoredStatus; completedLessons: string[]; completedAt: number | null; lastQuiz: QuizScore | null },
  now: number,
): Promise<void> {
  await trx
    .updateTable('enrolments')
    .set({
      status: p.status,
      completed_lessons: JSON.stringify(p.completedLessons),
      completed_at: p.completedAt,
      last_quiz: p.lastQuiz ? JSON.stringify(p.lastQuiz) : null,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function updateDueAt(trx: Db, id: string, dueAt: number, now: number): Promise<void> {
  await trx.updateTable('enrolments').set({ due_at: dueAt, updated_at: now }).where('id', '=', id).execute();
}

export interface ReportEnrolment {
  courseId: string;
  unitId: string | null;
  tier: Tier | null;
  status: StoredStatus;
  dueAt: number;
}

/** Every enrolment of the org (of one course when given) with its KOS's current unit and tier, for the report. */
export async function reportEnrolments(
  db: Db,
  orgId: string,
  courseId?: string,
): Promise<(ReportEnrolment & { kosId: string })[]> {
  let query = db
    .selectFrom('enrolments as e')
    .innerJoin('kos as k', 'k.id', 'e.kos_id')
    .select(['e.course_id', 'e.kos_id', 'e.status', 'e.due_at', 'k.unit_id', 'k.tier'])
    .where('e.org_id', '=', orgId);
  if (courseId) query = query.where('e.course_id', '=', courseId);
  return (await query.execute()).map((r) => ({
    courseId: r.course_id,
    kosId: r.kos_id,
    unitId: r.unit_id,
    tier: r.tier as Tier | null,
    status: r.status as StoredStatus,
    dueAt: r.due_at,
  }));
}
