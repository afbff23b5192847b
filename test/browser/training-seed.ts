import type { Call } from './me-seed.js';

/**
 * A published course for the player tests, made through the public API as the owner: a document lesson,
 * then a quiz of five questions (the right answer of question i is choice i mod 3), for every KOS that is
 * not a candidate nor offboarded — LAN01, the KOS member of the test server, among them.
 */
export const QUIZ = [
  { q: 'Which skin type needs Serum Hoa Sen most?', choices: ['Dry', 'Oily', 'Combination'], answer: 0 },
  { q: 'How often should the serum be used?', choices: ['Once a week', 'Twice a day', 'Once a month'], answer: 1 },
  { q: 'What does a tracked link count?', choices: ['Followers', 'Orders only', 'Clicks'], answer: 2 },
  { q: 'Where is the flash offer announced?', choices: ['In the livestream', 'By e-mail', 'On the box'], answer: 0 },
  { q: 'Who answers product questions first?', choices: ['The warehouse', 'The KOS', 'The bank'], answer: 1 },
] as const;

export const DOCUMENT_BODY = 'Serum Hoa Sen: three drops, morning and evening.\nAlways mention the flash offer.';

export interface SeededCourse {
  courseId: string;
  enrolmentId: string;
  documentLessonId: string;
  quizLessonId: string;
}

interface CourseOut {
  id: string;
  lessons: { id: string; kind: string }[];
}

export async function seedCourse(call: Call, lanKosId: string, title = 'Selling Serum Hoa Sen'): Promise<SeededCourse> {
  const course = await call<CourseOut>('POST', '/courses', {
    title,
    description: 'What every KOS says about the serum.',
    required: true,
    dueDays: 7,
    published: true,
    audience: {},
    lessons: [
      { title: 'The product sheet', kind: 'document', body: DOCUMENT_BODY },
      { title: 'Check yourself', kind: 'quiz', questions: QUIZ.map((q) => ({ ...q, choices: [...q.choices] })) },
    ],
  });
  const { items } = await call<{ items: { id: string; courseId: string }[] }>(
    'GET',
    `/enrolments?kosId=${encodeURIComponent(lanKosId)}&courseId=${encodeURIComponent(course.id)}`,
  );
  const enrolment = items[0];
  if (!enrolment) throw new Error('seedCourse: the course was not assigned to LAN01');
  return {
    courseId: course.id,
    enrolmentId: enrolment.id,
    documentLessonId: course.lessons[0]?.id ?? '',
    quizLessonId: course.lessons[1]?.id ?? '',
  };
}
