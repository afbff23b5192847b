import { describe, expect, test } from 'vitest';
import { webModule } from './web-module.js';

/** The course editor's pure parts (web/src/components/training/course-draft.ts) and the player's video rule. */
interface LessonDraft {
  key: string;
  id?: string;
  title: string;
  kind: 'video' | 'document' | 'quiz';
  url: string;
  body: string;
  questions: { q: string; choices: string[]; answer: number }[];
}
interface Draft {
  title: string;
  description: string;
  required: boolean;
  dueDays: string;
  published: boolean;
  tiers: string[];
  relationships: string[];
  statuses: string[];
  unitIds: string[];
  lessons: LessonDraft[];
}
const draft = await webModule<{
  emptyCourseDraft(): Draft;
  emptyLesson(kind?: LessonDraft['kind']): LessonDraft;
  courseBody(d: Draft): Record<string, unknown>;
  draftOfCourse(c: unknown): Draft;
  moved<T>(list: readonly T[], from: number, to: number): T[];
}>('components/training/course-draft.ts');
const enums = await webModule<{ isPlayableVideo(url: string): boolean }>('data/training-enums.ts');

describe('courseBody', () => {
  test('sends each lesson with the fields of its kind only, ids kept, the order as shown', () => {
    const d = draft.emptyCourseDraft();
    d.title = '  Basics ';
    d.dueDays = '10';
    d.statuses = ['active'];
    d.lessons = [
      {
        ...draft.emptyLesson('quiz'),
        id: 'L2',
        title: 'Quiz',
        url: 'x',
        body: 'y',
        questions: [{ q: ' Q ', choices: ['a', 'b'], answer: 1 }],
      },
      { ...draft.emptyLesson('video'), title: 'Video', url: ' https://cdn.example/v.mp4 ', body: 'left over' },
      { ...draft.emptyLesson('document'), id: 'L1', title: 'Doc', body: 'Text', questions: [{ q: 'x', choices: [], answer: 0 }] },
    ];
    expect(draft.courseBody(d)).toEqual({
      title: 'Basics',
      description: null,
      required: false,
      dueDays: 10,
      published: false,
      audience: { tiers: [], relationships: [], statuses: ['active'], unitIds: [] },
      lessons: [
        { id: 'L2', title: 'Quiz', kind: 'quiz', questions: [{ q: 'Q', choices: ['a', 'b'], answer: 1 }] },
        { title: 'Video', kind: 'video', url: 'https://cdn.example/v.mp4', body: 'left over' },
        { id: 'L1', title: 'Doc', kind: 'document', body: 'Text' },
      ],
    });
  });

  test.each([
    ['', ''],
    ['abc', 'abc'],
    ['7', 7],
  ])('dueDays %j is sent as %j (the server judges what is not a number)', (text, sent) => {
    expect(draft.courseBody({ ...draft.emptyCourseDraft(), dueDays: text }).dueDays).toEqual(sent);
  });

  test('a saved course comes back into the same body', () => {
    const course = {
      id: 'c1',
      title: 'T',
      description: 'D',
      required: true,
      dueDays: 14,
      published: true,
      audience: { tiers: ['C'], relationships: [], statuses: [], unitIds: ['u1'] },
      lessons: [
        {
          id: 'q1',
          title: 'Q',
          kind: 'quiz',
          url: null,
          body: null,
          questions: [{ q: 'Q?', choices: ['a', 'b', 'c'], answer: 2 }],
        },
      ],
    };
    expect(draft.courseBody(draft.draftOfCourse(course))).toEqual({
      title: 'T',
      description: 'D',
      required: true,
      dueDays: 14,
      published: true,
      audience: course.audience,
      lessons: [{ id: 'q1', title: 'Q', kind: 'quiz', questions: [{ q: 'Q?', choices: ['a', 'b', 'c'], answer: 2 }] }],
    });
  });
});

describe('moved', () => {
  test.each([
    [2, 1, ['a', 'c', 'b']],
    [0, 1, ['b', 'a', 'c']],
    [0, -1, ['a', 'b', 'c']],
    [2, 3, ['a', 'b', 'c']],
    [1, 1, ['a', 'b', 'c']],
  ])('from %i to %i', (from, to, expected) => {
    expect(draft.moved(['a', 'b', 'c'], from, to)).toEqual(expected);
  });
});

describe('isPlayableVideo', () => {
  test.each([
    ['https://cdn.example/lesson.mp4', true],
    ['https://cdn.example/lesson.WEBM?token=1', true],
    ['https://www.youtube.com/watch?v=abc', false],
    ['https://www.tiktok.com/@shop/video/123', false],
  ])('%s → %s', (url, playable) => {
    expect(enums.isPlayableVideo(url)).toBe(playable);
  });
});
