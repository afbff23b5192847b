import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { idParams } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import * as courses from './courses.service.js';
import * as enrolments from './enrolments.service.js';
import { trainingReport } from './report.service.js';
import {
  completeIn,
  courseCreate,
  courseOut,
  coursePatch,
  enrolmentListQuery,
  enrolmentOut,
  enrolmentPatch,
  lessonParams,
  reportOut,
  reportQuery,
} from './training.schema.js';

/** The training API (docs/training.md): courses, enrolments, lessons completed, the completion report. */
export function registerTrainingRoutes(router: Router<Principal>, { database, config }: AppDeps): void {
  const { db } = database;
  const tags = ['training'];
  router.route({
    method: 'GET',
    url: '/api/v1/courses',
    summary: 'List courses',
    description: 'A `kos` member lists only the courses they are enrolled in, without quiz answers.',
    tags,
    query: pageQuery,
    response: pageSchema(courseOut),
    handler: ({ auth, query }) => courses.listCourses(db, auth, query),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/courses',
    summary: 'Create a course',
    description: 'Published at once (`published: true`), it is assigned to every KOS of its audience.',
    tags,
    status: 201,
    body: courseCreate,
    response: courseOut,
    handler: ({ auth, body }) => courses.createCourse(db, auth, body),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/courses/:id',
    summary: 'Get a course',
    tags,
    params: idParams,
    response: courseOut,
    handler: ({ auth, params }) => courses.getCourse(db, auth, params.id),
  });
  router.route({
    method: 'PATCH',
    url: '/api/v1/courses/:id',
    summary: 'Change a course',
    description:
      'Lessons given without `id` get a new one; publishing, or a new audience of a published course, assigns it to the KOS of its audience not yet enrolled.',
    tags,
    params: idParams,
    body: coursePatch,
    response: courseOut,
    handler: ({ auth, params, body }) => courses.patchCourse(db, auth, params.id, body),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/enrolments',
    summary: 'List enrolments',
    description: '`status=overdue` lists those not completed past their due date (read now).',
    tags,
    query: pageQuery.extend(enrolmentListQuery.shape),
    response: pageSchema(enrolmentOut),
    handler: ({ auth, query }) => enrolments.listEnrolments(db, auth, query),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/enrolments/:id',
    summary: 'Get an enrolment',
    tags,
    params: idParams,
    response: enrolmentOut,
    handler: ({ auth, params }) => enrolments.getEnrolment(db, auth, params.id),
  });
  router.route({
    method: 'PATCH',
    url: '/api/v1/enrolments/:id',
    summary: 'Move the due date of an enrolment (owners and admins)',
    tags,
    params: idParams,
    body: enrolmentPatch,
    response: enrolmentOut,
    handler: ({ auth, params, body }) => enrolments.moveDueAt(db, auth, params.id, body.dueAt),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/enrolments/:id/lessons/:lessonId/complete',
    summary: 'Complete a lesson (a quiz with one answer per question)',
    description:
      'A quiz passes when correct × 5 ≥ total × 4; a failed one answers 422 with code `quiz_failed` and `lastQuiz`, and completes nothing.',
    tags,
    status: 200,
    params: lessonParams,
    body: completeIn,
    response: enrolmentOut,
    handler: ({ auth, params, body }) =>
      enrolments.completeLesson(db, auth, params.id, params.lessonId, body.answers, config.publicUrl),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/training/report',
    summary: 'Course completion by course, unit and tier',
    tags,
    query: reportQuery,
    response: reportOut,
    handler: ({ auth, query }) => trainingReport(db, auth, query),
  });
}
