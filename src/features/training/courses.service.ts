import { type Db, withTransaction } from '../../db/database.js';
import { type FieldError, fieldError, invalidFields, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import { toIso } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { ADMINS, requireRole, STAFF } from '../access/access.js';
import { listOrgUnits } from '../units/units.service.js';
import { assignCourse } from './assignment.service.js';
import { type Audience, type Lesson, sameAudience } from './training.js';
import * as repo from './training.repository.js';
import type { AudienceIn, CourseCreate, CourseOut, CoursePatch, LessonIn } from './training.schema.js';

/** Courses (docs/training.md): owners and admins write; staff read all; a KOS member reads the courses they are enrolled in. */

const toLesson = (l: LessonIn): Lesson => ({
  id: l.id ?? newId(),
  title: l.title,
  kind: l.kind,
  url: l.url ?? null,
  body: l.kind === 'quiz' ? null : (l.body ?? null),
  questions: l.kind === 'quiz' ? (l.questions ?? []) : [],
});

const toAudience = (a: AudienceIn): Audience => ({
  tiers: a.tiers ?? [],
  relationships: a.relationships ?? [],
  statuses: a.statuses ?? [],
  unitIds: a.unitIds ?? [],
});

/** The course as answered; without quiz answers for a `kos` member. */
export function presentCourse(course: repo.CourseRecord, principal: Principal): CourseOut {
  const hideAnswers = principal.role === 'kos';
  return {
    id: course.id,
    title: course.title,
    description: course.description,
    lessons: course.lessons.map((l) => ({
      ...l,
      questions: l.questions.map((q) => (hideAnswers ? { q: q.q, choices: q.choices } : q)),
    })),
    audience: course.audience,
    required: course.required,
    dueDays: course.dueDays,
    published: course.published,
    createdAt: toIso(course.createdAt),
    updatedAt: toIso(course.updatedAt),
  };
}

export async function listCourses(db: Db, principal: Principal, query: PageQuery): Promise<Page<CourseOut>> {
  if (principal.role !== 'kos') requireRole(principal, STAFF);
  const rows = await repo.listCourses(db, principal.orgId, {
    after: cursorAfter(query.cursor),
    limit: query.limit + 1,
    enrolledKosId: principal.role === 'kos' ? (principal.kosId ?? '-') : undefined,
  });
  const page = toPage(rows, query.limit);
  return { items: page.items.map((c) => presentCourse(c, principal)), nextCursor: page.nextCursor };
}

/** The stored course: 404 when not this org's; 403 for a KOS member not enrolled in it. */
export async function findOwnCourse(db: Db, principal: Principal, id: string): Promise<repo.CourseRecord> {
  const course = await repo.findCourse(db, principal.orgId, id);
  if (!course) throw notFound('course');
  if (principal.role !== 'kos' || !(await isEnrolled(db, principal, id))) requireRole(principal, STAFF);
  return course;
}

async function isEnrolled(db: Db, principal: Principal, courseId: string): Promise<boolean> {
  const rows = await repo.listEnrolments(db, principal.orgId, {
    limit: 1,
    kosIds: [principal.kosId ?? '-'],
    courseId,
    now: Date.now(),
  });
  return rows.length > 0;
}

export async function getCourse(db: Db, principal: Principal, id: string): Promise<CourseOut> {
  return presentCourse(await findOwnCourse(db, principal, id), principal);
}

/** 422 for audience units that are not the org's, and for a published course without lessons. */
async function courseProblems(db: Db, orgId: string, values: repo.CourseValues): Promise<FieldError[]> {
  const known = new Set((await listOrgUnits(db, orgId)).map((u) => u.id));
  const errors = values.audience.unitIds.flatMap((unitId, i) =>
    known.has(unitId)
      ? []
      : [fieldError(`audience.unitIds.${i}`, problem('unit.reference.unknown'), 'no such unit in this organisation')],
  );
  if (values.published && values.lessons.length === 0)
    errors.push(
      fieldError('lessons', problem('course.lessons.required_to_publish'), 'a published course needs at least one lesson'),
    );
  return errors;
}

export async function createCourse(db: Db, principal: Principal, input: CourseCreate, now = Date.now()): Promise<CourseOut> {
  requireRole(principal, ADMINS);
  const values: repo.CourseValues = {
    title: input.title,
    description: input.description ?? null,
    lessons: input.lessons.map(toLesson),
    audience: toAudience(input.audience),
    required: input.required,
    dueDays: input.dueDays,
    published: input.published,
  };
  const errors = await courseProblems(db, principal.orgId, values);
  if (errors.length) throw invalidFields(errors);
  const id = newId();
  await withTransaction(db, async (trx) => {
    await repo.insertCourse(trx, principal.orgId, id, values, now);
    await assignCourse(trx, (await repo.findCourse(trx, principal.orgId, id)) as repo.CourseRecord, now);
  });
  return getCourse(db, principal, id);
}

/**
 * Changes a course. Publishing it, or changing the audience of a published course, assigns it to the KOS
 * of its audience who have no enrolment yet; existing enrolments keep their due dates.
 */
export async function patchCourse(
  db: Db,
  principal: Principal,
  id: string,
  patch: CoursePatch,
  now = Date.now(),
): Promise<CourseOut> {
  const course = await findOwnCourse(db, principal, id);
  requireRole(principal, ADMINS);
  const values: repo.CourseValues = {
    title: patch.title ?? course.title,
    description: patch.description !== undefined ? patch.description : course.description,
    lessons: patch.lessons ? patch.lessons.map(toLesson) : course.lessons,
    audience: patch.audience ? toAudience(patch.audience) : course.audience,
    required: patch.required ?? course.required,
    dueDays: patch.dueDays ?? course.dueDays,
    published: patch.published ?? course.published,
  };
  const errors = await courseProblems(db, principal.orgId, values);
  if (errors.length) throw invalidFields(errors);
  const assign = values.published && (!course.published || !sameAudience(course.audience, values.audience));
  await withTransaction(db, async (trx) => {
    await repo.updateCourse(trx, principal.orgId, id, values, now);
    if (assign) await assignCourse(trx, (await repo.findCourse(trx, principal.orgId, id)) as repo.CourseRecord, now);
  });
  return getCourse(db, principal, id);
}
