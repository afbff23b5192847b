import type { KosStatus, Relationship, Tier } from '../kos/kos.js';

/**
 * The rules of training (docs/training.md), pure: lessons and quizzes, audiences, the enrolment status
 * and the 80 % pass mark. No I/O: the service and the repository bring the facts.
 */
export const LESSON_KINDS = ['video', 'document', 'quiz'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

/** What an enrolment stores; `overdue` is only ever read (see `enrolmentStatus`). */
export const STORED_STATUSES = ['assigned', 'in_progress', 'completed'] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];
export const ENROLMENT_STATUSES = [...STORED_STATUSES, 'overdue'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const DAY_MS = 86_400_000;

export interface Question {
  q: string;
  choices: string[];
  /** The index of the right choice. */
  answer: number;
}

export interface Lesson {
  id: string;
  title: string;
  kind: LessonKind;
  url: string | null;
  body: string | null;
  questions: Question[];
}

export interface Audience {
  tiers: Tier[];
  relationships: Relationship[];
  statuses: KosStatus[];
  unitIds: string[];
}

/** The facts of a KOS an audience looks at. */
export interface AudienceFacts {
  tier: Tier | null;
  relationship: Relationship;
  status: KosStatus;
  unitId: string | null;
}

/** Statuses an empty `statuses` list leaves out: people not (or no longer) in the programme. */
const OUTSIDE: readonly KosStatus[] = ['candidate', 'offboarded'];

/**
 * Whether a KOS is in an audience: every non-empty list must match (they are AND-ed); `coveredUnits` is
 * the union of the subtrees of `unitIds` (a unit covers its subtree). An empty `statuses` list matches
 * every KOS that is not `candidate` or `offboarded`; the other lists, when empty, match anyone.
 */
export function inAudience(audience: Audience, coveredUnits: ReadonlySet<string>, kos: AudienceFacts): boolean {
  if (audience.statuses.length ? !audience.statuses.includes(kos.status) : OUTSIDE.includes(kos.status)) return false;
  if (audience.tiers.length && (kos.tier === null || !audience.tiers.includes(kos.tier))) return false;
  if (audience.relationships.length && !audience.relationships.includes(kos.relationship)) return false;
  if (audience.unitIds.length && (kos.unitId === null || !coveredUnits.has(kos.unitId))) return false;
  return true;
}

/** Whether two audiences select the same KOS (the lists compared as sets). */
export function sameAudience(a: Audience, b: Audience): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v) => y.includes(v));
  return (
    same(a.tiers, b.tiers) && same(a.relationships, b.relationships) && same(a.statuses, b.statuses) && same(a.unitIds, b.unitIds)
  );
}

/** A quiz passes when correct × 5 ≥ total × 4 (80 %, in integers). */
export const quizPasses = (correct: number, total: number): boolean => correct * 5 >= total * 4;

export interface QuizScore {
  correct: number;
  total: number;
  passed: boolean;
}

/** Scores one answer per question (the caller has checked the count); an answer outside the choices is wrong. */
export function scoreQuiz(questions: readonly Question[], answers: readonly number[]): QuizScore {
  const correct = questions.filter((question, i) => answers[i] === question.answer).length;
  return { correct, total: questions.length, passed: quizPasses(correct, questions.length) };
}

/** The status as read at `now`: `overdue` when not completed and `now` is past `dueAt`. */
export function enrolmentStatus(stored: StoredStatus, dueAt: number, now: number): EnrolmentStatus {
  return stored !== 'completed' && now > dueAt ? 'overdue' : stored;
}

/**
 * The progress after completing `lessonId`: the completed lessons (each once, in the order completed),
 * and the stored status — `in_progress` after the first, `completed` once every lesson of the course is.
 * A completed enrolment stays completed.
 */
export function progressAfter(
  stored: StoredStatus,
  completed: readonly string[],
  lessonIds: readonly string[],
  lessonId: string,
): { completedLessons: string[]; status: StoredStatus } {
  const completedLessons = completed.includes(lessonId) ? [...completed] : [...completed, lessonId];
  if (stored === 'completed') return { completedLessons, status: 'completed' };
  const all = lessonIds.every((id) => completedLessons.includes(id));
  return { completedLessons, status: all ? 'completed' : 'in_progress' };
}

/** When an enrolment assigned at `assignedAt` is due: dueDays × 24 h later. */
export const dueAtOf = (assignedAt: number, dueDays: number): number => assignedAt + dueDays * DAY_MS;

/** completed ÷ assigned, or null when nothing is assigned. */
export const completionRate = (assigned: number, completed: number): number | null =>
  assigned === 0 ? null : completed / assigned;
