import type { z } from 'zod';
import type { courseOut, enrolmentOut, quizOut, reportOut } from '../../../src/features/training/training.schema';

/**
 * Training as the API answers it (API.md "Resources for running the matrix": courses, enrolments, the
 * report; docs/training.md), typed from the server's schemas. A `kos` member reads the courses they are
 * enrolled in without the quiz answers (`answer` absent).
 */
export type Course = z.infer<typeof courseOut>;
export type Lesson = Course['lessons'][number];
export type LessonKind = Lesson['kind'];
export type Audience = Course['audience'];
export type Tier = Audience['tiers'][number];
export type Enrolment = z.infer<typeof enrolmentOut>;
export type EnrolmentStatus = Enrolment['status'];
export type QuizResult = z.infer<typeof quizOut>;
export type ReportRow = z.infer<typeof reportOut>['rows'][number];

export const LESSON_KINDS = ['video', 'document', 'quiz'] as const satisfies readonly LessonKind[];
export const ENROLMENT_STATUSES = [
  'assigned',
  'in_progress',
  'completed',
  'overdue',
] as const satisfies readonly EnrolmentStatus[];

/**
 * Video URLs a `<video>` element plays itself (a file); anything else (YouTube, TikTok, Facebook…) is
 * opened on its platform through a link.
 */
export const isPlayableVideo = (url: string): boolean => /\.(mp4|webm|ogg|ogv|m4v|mov)(\?|#|$)/i.test(url);
