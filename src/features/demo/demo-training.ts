import type { Db } from '../../db/database.js';
import { toIso } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { DEFAULT_PUBLIC_URL } from '../kos/kos.js';
import { listKos } from '../kos/kos.service.js';
import { createCourse } from '../training/courses.service.js';
import { completeLesson, listEnrolments, moveDueAt } from '../training/enrolments.service.js';
import { courseCreate } from '../training/training.schema.js';
import { DEMO_COURSES } from './demo-courses.js';
import type { Random } from './demo-random.js';

const DAY = 86_400_000;

export interface DemoTraining {
  courses: number;
  enrolments: number;
  completed: number;
  inProgress: number;
  overdue: number;
}

/** How far each course's enrolments get: the share completed, and the share that stopped after some lessons. */
const PROGRESS = [
  { completed: 0.7, started: 0.15 },
  { completed: 0.3, started: 0.3 },
  { completed: 0.5, started: 0.25 },
] as const;

/**
 * Training in the demo (docs/training.md): the three courses of demo-courses.ts, published days ago, so
 * publishing assigned them to their audiences; then most KOS have completed the required course, some
 * stopped half-way (overdue once the due date passed), and the tier courses are under way. A newcomer
 * (`onboarding`) has not started and has a fresh due date, as an admin gives one on arrival.
 */
export async function addDemoTraining(
  db: Db,
  owner: Principal,
  rand: Random,
  now: number,
  log: (msg: string) => void = () => {},
): Promise<DemoTraining> {
  const result: DemoTraining = { courses: 0, enrolments: 0, completed: 0, inProgress: 0, overdue: 0 };
  const statusOf = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await listKos(db, owner, { limit: 500, cursor });
    for (const kos of page.items) statusOf.set(kos.id, kos.status);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  for (const [index, { daysAgo, course: input }] of DEMO_COURSES.entries()) {
    const published = now - daysAgo * DAY;
    const course = await createCourse(db, owner, courseCreate.parse(input), published);
    result.courses++;
    const share = PROGRESS[index] ?? PROGRESS[0];
    const enrolments = (await listEnrolments(db, owner, { limit: 500, courseId: course.id }, now)).items;
    for (const enrolment of enrolments) {
      result.enrolments++;
      if (statusOf.get(enrolment.kosId) === 'onboarding') {
        await moveDueAt(db, owner, enrolment.id, toIso(now + 10 * DAY), now);
        continue;
      }
      const draw = rand.next();
      const lessons = draw < share.completed ? course.lessons.length : draw < share.completed + share.started ? 1 : 0;
      const dueAt = Date.parse(enrolment.dueAt);
      const span = Math.max(Math.min(now, dueAt) - published, DAY);
      let at = published + rand.int(1, 12) * 3_600_000;
      for (const lesson of course.lessons.slice(0, lessons)) {
        at = Math.min(at + rand.next() * (span / course.lessons.length), now - 60_000);
        // Most pass the quiz with every answer right, some with four of five (exactly the pass mark).
        const answers = lesson.questions.map((q, i) =>
          i === 0 && rand.chance(0.3) ? ((q.answer ?? 0) + 1) % q.choices.length : (q.answer ?? 0),
        );
        await completeLesson(
          db,
          owner,
          enrolment.id,
          lesson.id,
          lesson.kind === 'quiz' ? answers : undefined,
          DEFAULT_PUBLIC_URL,
          Math.round(at),
        );
      }
      if (lessons === course.lessons.length) result.completed++;
      else if (lessons > 0) result.inProgress++;
      if (lessons < course.lessons.length && now > dueAt) result.overdue++;
    }
  }
  log(
    `demo: ${result.courses} published courses, ${result.enrolments} enrolments (${result.completed} completed, ${result.inProgress} in progress, ${result.overdue} overdue)`,
  );
  return result;
}
