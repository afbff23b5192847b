import type { Course, LessonKind, Tier } from '../../data/training-enums';
import type { KosStatus, Relationship } from '../../types';

/** A quiz question as its inputs hold it: `answer` is the index of the choice marked right. */
export interface QuestionDraft {
  q: string;
  choices: string[];
  answer: number;
}

/** A lesson as the editor holds it; `key` keeps a row's identity while lessons are moved (never sent). */
export interface LessonDraft {
  key: string;
  id?: string;
  title: string;
  kind: LessonKind;
  url: string;
  body: string;
  questions: QuestionDraft[];
}

export interface CourseDraft {
  title: string;
  description: string;
  required: boolean;
  dueDays: string;
  published: boolean;
  tiers: Tier[];
  relationships: Relationship[];
  statuses: KosStatus[];
  unitIds: string[];
  lessons: LessonDraft[];
}

let counter = 0;
/** A key no other row of this page has. */
export const newKey = (): string => `l${++counter}`;

export const emptyQuestion = (): QuestionDraft => ({ q: '', choices: ['', ''], answer: 0 });

export const emptyLesson = (kind: LessonKind = 'document'): LessonDraft => ({
  key: newKey(),
  title: '',
  kind,
  url: '',
  body: '',
  questions: kind === 'quiz' ? [emptyQuestion()] : [],
});

export const emptyCourseDraft = (): CourseDraft => ({
  title: '',
  description: '',
  required: false,
  dueDays: '14',
  published: false,
  tiers: [],
  relationships: [],
  statuses: [],
  unitIds: [],
  lessons: [emptyLesson()],
});

export function draftOfCourse(c: Course): CourseDraft {
  return {
    title: c.title,
    description: c.description ?? '',
    required: c.required,
    dueDays: String(c.dueDays),
    published: c.published,
    tiers: c.audience.tiers ?? [],
    relationships: c.audience.relationships ?? [],
    statuses: c.audience.statuses ?? [],
    unitIds: c.audience.unitIds ?? [],
    lessons: c.lessons.map((l) => ({
      key: newKey(),
      id: l.id,
      title: l.title,
      kind: l.kind,
      url: l.url ?? '',
      body: l.body ?? '',
      questions: (l.questions ?? []).map((q) => ({ q: q.q, choices: [...q.choices], answer: q.answer ?? 0 })),
    })),
  };
}

/**
 * One lesson as sent: a video needs its url (the server says so when it is empty) and may have notes; a
 * document has its text and may link a file; a quiz has its questions only.
 */
function lessonBody(l: LessonDraft): Record<string, unknown> {
  const url = l.url.trim();
  const base = { ...(l.id ? { id: l.id } : {}), title: l.title.trim(), kind: l.kind };
  if (l.kind === 'quiz')
    return { ...base, questions: l.questions.map((q) => ({ q: q.q.trim(), choices: q.choices, answer: q.answer })) };
  if (l.kind === 'video') return { ...base, url, ...(l.body.trim() ? { body: l.body } : {}) };
  return { ...base, body: l.body, ...(url ? { url } : {}) };
}

/** The API body of a draft: each lesson sends only the fields of its kind (API.md `/courses`). */
export function courseBody(d: CourseDraft): Record<string, unknown> {
  const dueDays = Number(d.dueDays.trim());
  return {
    title: d.title.trim(),
    description: d.description.trim() || null,
    required: d.required,
    dueDays: d.dueDays.trim() === '' || !Number.isFinite(dueDays) ? d.dueDays : dueDays,
    published: d.published,
    audience: { tiers: d.tiers, relationships: d.relationships, statuses: d.statuses, unitIds: d.unitIds },
    lessons: d.lessons.map(lessonBody),
  };
}

/** `list` with the item at `from` moved to `to` (an index inside the list). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** How many KOS-facing words the audience has: 0 means every KOS that is not a candidate nor offboarded. */
export const audienceSize = (a: Pick<CourseDraft, 'tiers' | 'relationships' | 'statuses' | 'unitIds'>): number =>
  a.tiers.length + a.relationships.length + a.statuses.length + a.unitIds.length;
