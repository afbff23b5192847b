import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { systemPrincipal } from '../access/access.js';
import { listKos } from '../kos/kos.service.js';
import { listCourses } from '../training/courses.service.js';
import { listEnrolments } from '../training/enrolments.service.js';
import { trainingReport } from '../training/report.service.js';
import { loadDemoIfEmpty } from './demo.service.js';

const NOW = Date.parse('2026-03-02T02:00:00Z');

describe.each(DIALECTS)('demo training on %s', (dialect) => {
  let t: TestDatabase;
  const logs: string[] = [];
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await loadDemoIfEmpty(t.database.db, (msg) => logs.push(msg), NOW);
  });
  afterAll(async () => {
    await t?.drop();
  });

  test('three published courses: required for new KOS, tier C, tiers S/A, each with a video, a document and a 5-question quiz', async () => {
    const db = t.database.db;
    const org = await db.selectFrom('orgs').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow();
    const owner = systemPrincipal(org.id);
    const courses = (await listCourses(db, owner, { limit: 50 })).items;
    expect(courses.map((c) => [c.required, c.published, c.audience.statuses, c.audience.tiers])).toEqual([
      [true, true, ['onboarding', 'active'], []],
      [false, true, [], ['C']],
      [false, true, [], ['S', 'A']],
    ]);
    for (const course of courses) {
      expect(course.lessons.map((l) => l.kind)).toEqual(['video', 'document', 'quiz']);
      expect(course.lessons[0]?.url).toMatch(/^https:\/\//);
      expect(course.lessons[1]?.body?.length).toBeGreaterThan(100);
      expect(course.lessons[2]?.questions).toHaveLength(5);
    }

    const kos = new Map((await listKos(db, owner, { limit: 500 })).items.map((k) => [k.id, k]));
    const enrolments = (await listEnrolments(db, owner, { limit: 500 }, NOW)).items;
    const of = (i: number) => enrolments.filter((e) => e.courseId === courses[i]?.id);
    // Everyone onboarding or active has the required course; the tier courses went to their tiers only.
    const inProgramme = [...kos.values()].filter((k) => k.status === 'onboarding' || k.status === 'active');
    expect(
      of(0)
        .map((e) => e.kosId)
        .sort(),
    ).toEqual(inProgramme.map((k) => k.id).sort());
    expect(of(1).length).toBeGreaterThan(0);
    expect(of(1).every((e) => kos.get(e.kosId)?.tier === 'C')).toBe(true);
    expect(of(2).length).toBeGreaterThan(0);
    expect(of(2).every((e) => ['S', 'A'].includes(kos.get(e.kosId)?.tier ?? ''))).toBe(true);

    const statuses = new Set(enrolments.map((e) => e.status));
    expect(statuses).toEqual(new Set(['assigned', 'in_progress', 'completed', 'overdue']));
    for (const e of enrolments.filter((x) => x.status === 'completed')) {
      expect(e.completedLessons).toHaveLength(3);
      expect(Date.parse(e.completedAt ?? '')).toBeLessThanOrEqual(NOW);
      expect(e.lastQuiz?.passed).toBe(true);
    }
    // A newcomer has not started and is not overdue: the onboarding step `training` is still open.
    const newcomers = of(0).filter((e) => kos.get(e.kosId)?.status === 'onboarding');
    expect(newcomers.length).toBeGreaterThan(0);
    expect(newcomers.every((e) => e.status === 'assigned' && Date.parse(e.dueAt) > NOW)).toBe(true);

    const report = await trainingReport(db, owner, {}, NOW);
    const total = (i: number, key: 'assigned' | 'completed' | 'overdue') =>
      report.rows.filter((r) => r.courseId === courses[i]?.id).reduce((sum, r) => sum + r[key], 0);
    expect(total(0, 'assigned')).toBe(of(0).length);
    expect(total(0, 'completed')).toBe(of(0).filter((e) => e.status === 'completed').length);
    expect(total(0, 'overdue')).toBe(of(0).filter((e) => e.status === 'overdue').length);
    expect(logs.some((l) => /^demo: 3 published courses, \d+ enrolments/.test(l))).toBe(true);
  });
});
