import { type Db, withTransaction } from '../../db/database.js';
import { lockRows } from '../../db/locks.js';
import { DomainError, invalid, notFound } from '../../lib/errors.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import { toIso } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { ADMINS, EDITORS, requireRole } from '../access/access.js';
import { DEFAULT_PUBLIC_URL } from '../kos/kos.js';
import { getKosOrThrow, kosFilter } from '../kos/kos.service.js';
import { settleOnboarding } from '../kos/kos-onboarding.service.js';
import { enrolmentStatus, progressAfter, type QuizScore, scoreQuiz } from './training.js';
import * as repo from './training.repository.js';
import type { EnrolmentListQuery, EnrolmentOut } from './training.schema.js';

/** Enrolments (docs/training.md): who reads them, lessons completed, quizzes scored, due dates moved. */

export function presentEnrolment(e: repo.EnrolmentRecord, now: number): EnrolmentOut {
  return {
    id: e.id,
    courseId: e.courseId,
    kosId: e.kosId,
    status: enrolmentStatus(e.status, e.dueAt, now),
    assignedAt: toIso(e.assignedAt),
    dueAt: toIso(e.dueAt),
    completedLessons: e.completedLessons,
    completedAt: e.completedAt === null ? null : toIso(e.completedAt),
    lastQuiz: e.lastQuiz,
  };
}

/** Enrolments of the KOS the caller sees (a KOS member: their own); `overdue` is read at `now`. */
export async function listEnrolments(
  db: Db,
  principal: Principal,
  query: PageQuery & EnrolmentListQuery,
  now = Date.now(),
): Promise<Page<EnrolmentOut>> {
  const kosIds = await kosFilter(db, principal, query.kosId);
  const rows = await repo.listEnrolments(db, principal.orgId, {
    after: cursorAfter(query.cursor),
    limit: query.limit + 1,
    kosIds,
    courseId: query.courseId,
    status: query.status,
    now,
  });
  const page = toPage(rows, query.limit);
  return { items: page.items.map((e) => presentEnrolment(e, now)), nextCursor: page.nextCursor };
}

/** The enrolment: 404 when not this org's, 403 when its KOS is outside the caller's scope. */
async function findOwnEnrolment(db: Db, principal: Principal, id: string): Promise<repo.EnrolmentRecord> {
  const enrolment = await repo.findEnrolment(db, principal.orgId, id);
  if (!enrolment) throw notFound('enrolment');
  await getKosOrThrow(db, principal, enrolment.kosId);
  return enrolment;
}

export async function getEnrolment(db: Db, principal: Principal, id: string, now = Date.now()): Promise<EnrolmentOut> {
  return presentEnrolment(await findOwnEnrolment(db, principal, id), now);
}

/** A failed quiz: 422 with code `quiz_failed` and the score as `lastQuiz`; nothing is completed. */
const quizFailed = (score: QuizScore) =>
  new DomainError(
    'quiz_failed',
    problem('enrolment.quiz.failed', { correct: score.correct, total: score.total }),
    `${score.correct} of ${score.total} answers are right; a quiz passes from 80 %`,
    undefined,
    { lastQuiz: score },
  );

/**
 * Completes a lesson: a KOS member their own, owners, admins and managers (in scope) for a KOS. A quiz
 * needs one answer per question and passes from 80 %. The last lesson completes the enrolment, which may
 * complete the KOS's onboarding (its `training` step), in the same transaction.
 */
export async function completeLesson(
  db: Db,
  principal: Principal,
  id: string,
  lessonId: string,
  answers: readonly number[] | undefined,
  publicUrl = DEFAULT_PUBLIC_URL,
  now = Date.now(),
): Promise<EnrolmentOut> {
  const found = await findOwnEnrolment(db, principal, id);
  if (principal.role !== 'kos') requireRole(principal, EDITORS);
  const course = await repo.findCourse(db, principal.orgId, found.courseId);
  const lesson = course?.lessons.find((l) => l.id === lessonId);
  if (!course || !lesson) throw notFound('lesson');
  let quiz: QuizScore | null = null;
  if (lesson.kind === 'quiz') {
    const total = lesson.questions.length;
    if (answers?.length !== total)
      throw invalid(
        'answers',
        problem('enrolment.quiz.answers_count', { total }),
        `a quiz needs one answer per question (${total})`,
      );
    quiz = scoreQuiz(lesson.questions, answers);
    if (!quiz.passed) throw quizFailed(quiz);
  }
  await withTransaction(db, async (trx) => {
    await lockRows(trx, 'kos', [found.kosId]);
    const current = (await repo.findEnrolment(trx, principal.orgId, id)) as repo.EnrolmentRecord;
    const next = progressAfter(
      current.status,
      current.completedLessons,
      course.lessons.map((l) => l.id),
      lessonId,
    );
    const completedAt = next.status === 'completed' ? (current.completedAt ?? now) : null;
    await repo.updateProgress(trx, id, { ...next, completedAt, lastQuiz: quiz ?? current.lastQuiz }, now);
    if (next.status === 'completed' && current.status !== 'completed')
      await settleOnboarding(trx, principal, found.kosId, publicUrl, now);
  });
  return getEnrolment(db, principal, id, now);
}

/** Moves an enrolment's due date (owners and admins); it may make it overdue or not. */
export async function moveDueAt(
  db: Db,
  principal: Principal,
  id: string,
  dueAt: string,
  now = Date.now(),
): Promise<EnrolmentOut> {
  await findOwnEnrolment(db, principal, id);
  requireRole(principal, ADMINS);
  await withTransaction(db, (trx) => repo.updateDueAt(trx, id, Date.parse(dueAt), now));
  return getEnrolment(db, principal, id, now);
}
