import { z } from 'zod';
import { httpUrl, id, isoDateTime } from '../../lib/schemas.js';
import { keyed } from '../../lib/zod-problems.js';
import { KOS_STATUSES, RELATIONSHIPS, TIERS } from '../kos/kos.js';
import { ENROLMENT_STATUSES, LESSON_KINDS } from './training.js';

const text = (max: number) => z.string().trim().min(1).max(max);

const LISTED_TWICE = keyed('field.listed_twice', 'is listed twice');
const uniqueList =
  <T>(pick: (item: T) => string | undefined) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = pick(item);
      if (k === undefined) return;
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i], ...LISTED_TWICE });
      seen.add(k);
    });
  };
const setOf = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .superRefine(uniqueList((v) => v as string));

const question = z.object({
  q: text(500),
  choices: z.array(text(300)).min(2).max(10),
  answer: z.number().int().min(0),
});

/** A lesson as given; `id` kept when given (stable across edits), made when absent. */
export const lessonIn = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, keyed('course.lesson.id_format', 'must be 1–64 characters A–Z, a–z, 0–9, _ or -'))
      .optional(),
    title: text(200),
    kind: z.enum(LESSON_KINDS),
    url: httpUrl.nullable().optional(),
    body: z.string().trim().max(50_000).nullable().optional(),
    questions: z.array(question).max(50).optional(),
  })
  .superRefine((lesson, ctx) => {
    const issue = (path: (string | number)[], problem: ReturnType<typeof keyed>) =>
      ctx.addIssue({ code: 'custom', path, ...problem });
    if (lesson.kind === 'video' && !lesson.url) issue(['url'], keyed('course.lesson.url_required', 'a video lesson needs a url'));
    if (lesson.kind === 'document' && !lesson.url && !lesson.body)
      issue(['body'], keyed('course.lesson.content_required', 'a document lesson needs a body or a url'));
    if (lesson.kind === 'quiz') {
      if (!lesson.questions?.length)
        issue(['questions'], keyed('course.lesson.questions_required', 'a quiz needs at least one question'));
      lesson.questions?.forEach((q, i) => {
        if (q.answer >= q.choices.length) {
          const max = q.choices.length - 1;
          issue(
            ['questions', i, 'answer'],
            keyed(
              'course.question.answer_out_of_range',
              `must be the index of one of the ${q.choices.length} choices (0 to ${max})`,
              { choices: q.choices.length, max },
            ),
          );
        }
      });
    } else if (lesson.questions?.length)
      issue(['questions'], keyed('course.lesson.questions_not_quiz', 'only a quiz lesson has questions'));
  });
const lessons = z
  .array(lessonIn)
  .max(100)
  .superRefine(uniqueList((l) => l.id));

export const audienceIn = z.object({
  tiers: setOf(z.enum(TIERS), TIERS.length).optional(),
  relationships: setOf(z.enum(RELATIONSHIPS), RELATIONSHIPS.length).optional(),
  statuses: setOf(z.enum(KOS_STATUSES), KOS_STATUSES.length).optional(),
  unitIds: setOf(id, 200).optional(),
});

export const courseCreate = z.object({
  title: text(200),
  description: z.string().trim().max(5000).nullable().optional(),
  lessons: lessons.default([]),
  audience: audienceIn.default({}),
  required: z.boolean().default(false),
  dueDays: z.number().int().min(1).max(365).default(14),
  published: z.boolean().default(false),
});
export const coursePatch = z.object({
  title: text(200).optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  lessons: lessons.optional(),
  audience: audienceIn.optional(),
  required: z.boolean().optional(),
  dueDays: z.number().int().min(1).max(365).optional(),
  published: z.boolean().optional(),
});

const questionOut = z.object({ q: z.string(), choices: z.array(z.string()), answer: z.number().int().optional() });
export const lessonOut = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(LESSON_KINDS),
  url: z.string().nullable(),
  body: z.string().nullable(),
  /** Without `answer` for a `kos` member. */
  questions: z.array(questionOut),
});
export const audienceOut = z.object({
  tiers: z.array(z.enum(TIERS)),
  relationships: z.array(z.enum(RELATIONSHIPS)),
  statuses: z.array(z.enum(KOS_STATUSES)),
  unitIds: z.array(z.string()),
});
export const courseOut = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  lessons: z.array(lessonOut),
  audience: audienceOut,
  required: z.boolean(),
  dueDays: z.number().int(),
  published: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const quizOut = z.object({ correct: z.number().int(), total: z.number().int(), passed: z.boolean() });
export const enrolmentOut = z.object({
  id: z.string(),
  courseId: z.string(),
  kosId: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  assignedAt: z.string(),
  dueAt: z.string(),
  completedLessons: z.array(z.string()),
  completedAt: z.string().nullable(),
  /** The last passed quiz of this enrolment (a failed one changes nothing). */
  lastQuiz: quizOut.nullable(),
});
export const enrolmentListQuery = z.object({
  kosId: id.optional(),
  courseId: id.optional(),
  status: z.enum(ENROLMENT_STATUSES).optional(),
});
export const enrolmentPatch = z.object({ dueAt: isoDateTime });
export const lessonParams = z.object({ id, lessonId: z.string().min(1).max(64) });
export const completeIn = z.object({ answers: z.array(z.number().int().min(0).max(1000)).max(50).optional() });

export const reportQuery = z.object({ courseId: id.optional(), unitId: id.optional() });
export const reportOut = z.object({
  rows: z.array(
    z.object({
      courseId: z.string(),
      unitId: z.string().nullable(),
      tier: z.enum(TIERS).nullable(),
      assigned: z.number().int(),
      completed: z.number().int(),
      overdue: z.number().int(),
      completionRate: z.number().nullable(),
    }),
  ),
});

export type LessonIn = z.infer<typeof lessonIn>;
export type AudienceIn = z.infer<typeof audienceIn>;
export type CourseCreate = z.infer<typeof courseCreate>;
export type CoursePatch = z.infer<typeof coursePatch>;
export type CourseOut = z.infer<typeof courseOut>;
export type LessonOut = z.infer<typeof lessonOut>;
export type QuizOut = z.infer<typeof quizOut>;
export type ReportQuery = z.infer<typeof reportQuery>;
export type EnrolmentOut = z.infer<typeof enrolmentOut>;
export type EnrolmentListQuery = z.infer<typeof enrolmentListQuery>;
export type ReportOut = z.infer<typeof reportOut>;
