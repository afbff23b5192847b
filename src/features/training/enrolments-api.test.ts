import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { RIGHT, trainingFixture } from './training-fixture.js';

const DAY = 86_400_000;

describe.each(DIALECTS)('enrolments, lessons and the report on %s', (dialect) => {
  const t = useTestApp(dialect);
  const f = trainingFixture(t, dialect);

  test('lessons complete in any order, the quiz at 80 %, then the enrolment; a KOS member only their own', async () => {
    const org = await t.newOrg();
    const south = await f.unit(org.apiKey, 'South');
    const north = await f.unit(org.apiKey, 'North');
    const lan = await f.kos(org.apiKey, { unitId: south });
    const minh = await f.kos(org.apiKey, { unitId: north });
    await f.course(org.apiKey);
    const me = await f.kosMember(org.apiKey, lan);
    const [mine] = await f.enrolments(org.apiKey, `&kosId=${lan}`);
    const [theirs] = await f.enrolments(org.apiKey, `&kosId=${minh}`);
    if (!mine || !theirs) throw new Error('not assigned');
    const complete = (caller: typeof me, id: string, lesson: string, body: object = {}) =>
      caller('POST', `/api/v1/enrolments/${id}/lessons/${lesson}/complete`, body);

    // A KOS member sees and completes only their own enrolments.
    expect((await f.enrolments(org.apiKey)).length).toBe(2);
    expect(f.ok(await me('GET', '/api/v1/enrolments')).items.map((e: { id: string }) => e.id)).toEqual([mine.id]);
    expect((await me('GET', `/api/v1/enrolments?kosId=${minh}`)).statusCode).toBe(403);
    expect((await complete(me, theirs.id, 'intro')).statusCode).toBe(403);
    expect((await me('PATCH', `/api/v1/enrolments/${mine.id}`, { dueAt: new Date().toISOString() })).statusCode).toBe(403);
    expect((await me('GET', '/api/v1/training/report')).statusCode).toBe(403);

    expect((await complete(me, mine.id, 'nope')).statusCode).toBe(404);
    const started = f.ok(await complete(me, mine.id, 'rules'));
    expect(started).toMatchObject({ status: 'in_progress', completedLessons: ['rules'], completedAt: null, lastQuiz: null });

    // A quiz needs one answer per question; 3 of 5 fail (nothing completed), 4 of 5 pass.
    const missing = await complete(me, mine.id, 'quiz', { answers: [0, 1] });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0]).toMatchObject({
      path: 'answers',
      key: 'enrolment.quiz.answers_count',
      params: { total: 5 },
    });
    expect((await complete(me, mine.id, 'quiz')).statusCode).toBe(422);
    const failed = await complete(me, mine.id, 'quiz', { answers: [0, 1, 2, 1, 0] });
    expect(failed.statusCode).toBe(422);
    expect(failed.headers['content-type']).toContain('application/problem+json');
    expect(failed.json()).toMatchObject({
      status: 422,
      code: 'quiz_failed',
      key: 'enrolment.quiz.failed',
      params: { correct: 3, total: 5 },
      lastQuiz: { correct: 3, total: 5, passed: false },
    });
    expect(f.ok(await me('GET', `/api/v1/enrolments/${mine.id}`)).completedLessons).toEqual(['rules']);
    const passed = f.ok(await complete(me, mine.id, 'quiz', { answers: [0, 1, 2, 0, 0] }));
    expect(passed).toMatchObject({ status: 'in_progress', lastQuiz: { correct: 4, total: 5, passed: true } });
    const done = f.ok(await complete(me, mine.id, 'intro'));
    expect(done).toMatchObject({ status: 'completed', completedLessons: ['rules', 'quiz', 'intro'] });
    expect(Date.parse(done.completedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(f.ok(await complete(me, mine.id, 'intro')).completedAt).toBe(done.completedAt);

    // Staff in scope record a completion for a KOS; a manager of another region may not, a viewer never.
    const southManager = await f.roleKey(org.apiKey, 'manager', south);
    const northManager = await f.roleKey(org.apiKey, 'manager', north);
    const viewer = await f.roleKey(org.apiKey, 'viewer');
    expect((await t.call(southManager, 'POST', `/api/v1/enrolments/${theirs.id}/lessons/intro/complete`, {})).statusCode).toBe(
      403,
    );
    expect((await t.call(viewer, 'POST', `/api/v1/enrolments/${theirs.id}/lessons/intro/complete`, {})).statusCode).toBe(403);
    const recorded = await t.call(northManager, 'POST', `/api/v1/enrolments/${theirs.id}/lessons/quiz/complete`, {
      answers: RIGHT,
    });
    expect(f.ok(recorded)).toMatchObject({ status: 'in_progress', lastQuiz: { correct: 5, total: 5, passed: true } });
    expect((await f.enrolments(southManager)).map((e) => e.id)).toEqual([mine.id]);
  });

  test('overdue is read at the time of the request, filters like a status, and admins move dueAt', async () => {
    const org = await t.newOrg();
    const [a, b, c] = [await f.kos(org.apiKey), await f.kos(org.apiKey), await f.kos(org.apiKey)];
    const course = await f.course(org.apiKey, { dueDays: 7 });
    const byKos = new Map((await f.enrolments(org.apiKey)).map((e) => [e.kosId, e.id]));
    const [ea, eb, ec] = [byKos.get(a), byKos.get(b), byKos.get(c)] as string[];
    const past = new Date(Date.now() - DAY).toISOString();
    f.ok(await t.call(org.apiKey, 'POST', `/api/v1/enrolments/${eb}/lessons/intro/complete`, {}));
    for (const id of [eb, ec]) {
      const moved = f.ok(await t.call(org.apiKey, 'PATCH', `/api/v1/enrolments/${id}`, { dueAt: past }));
      expect(moved.status).toBe('overdue');
      expect(Date.parse(moved.dueAt)).toBe(Date.parse(past));
    }
    const status = async (s: string) =>
      (await f.enrolments(org.apiKey, `&courseId=${course.id}&status=${s}`)).map((e) => e.id).sort();
    expect(await status('overdue')).toEqual([eb, ec].sort());
    expect(await status('assigned')).toEqual([ea]);
    expect(await status('in_progress')).toEqual([]);
    expect(await status('completed')).toEqual([]);
    // An overdue enrolment can still be completed; completed is never overdue.
    for (const lesson of ['intro', 'rules'])
      f.ok(await t.call(org.apiKey, 'POST', `/api/v1/enrolments/${ec}/lessons/${lesson}/complete`, {}));
    const last = await t.call(org.apiKey, 'POST', `/api/v1/enrolments/${ec}/lessons/quiz/complete`, { answers: RIGHT });
    expect(f.ok(last).status).toBe('completed');
    expect(await status('overdue')).toEqual([eb]);
    expect(await status('completed')).toEqual([ec]);

    const manager = await f.roleKey(org.apiKey, 'manager');
    expect((await t.call(manager, 'PATCH', `/api/v1/enrolments/${ea}`, { dueAt: past })).statusCode).toBe(403);
    expect((await t.call(org.apiKey, 'PATCH', `/api/v1/enrolments/${ea}`, { dueAt: '2026-01-01' })).statusCode).toBe(422);
    expect((await t.call(org.apiKey, 'GET', '/api/v1/enrolments?status=late')).statusCode).toBe(422);
    const stranger = await t.newOrg();
    expect((await t.call(stranger.apiKey, 'GET', `/api/v1/enrolments/${ea}`)).statusCode).toBe(404);
  });

  test('the report counts per course × the KOS own unit × tier, in the caller scope', async () => {
    const org = await t.newOrg();
    const south = await f.unit(org.apiKey, 'South');
    const store = await f.unit(org.apiKey, 'Store', south);
    const north = await f.unit(org.apiKey, 'North');
    const s1 = await f.kos(org.apiKey, { unitId: store, tier: 'A' });
    const s2 = await f.kos(org.apiKey, { unitId: store, tier: 'A' });
    const s3 = await f.kos(org.apiKey, { unitId: south, tier: null });
    const n1 = await f.kos(org.apiKey, { unitId: north, tier: 'C' });
    const course = await f.course(org.apiKey, {
      lessons: [{ id: 'only', title: 'Một bài', kind: 'video', url: 'https://v.example.com/1' }],
    });
    const other = await f.course(org.apiKey, { audience: { unitIds: [north] } });
    const byKos = new Map((await f.enrolments(org.apiKey, `&courseId=${course.id}`)).map((e) => [e.kosId, e.id]));
    f.ok(await t.call(org.apiKey, 'POST', `/api/v1/enrolments/${byKos.get(s1)}/lessons/only/complete`, {}));
    const past = new Date(Date.now() - DAY).toISOString();
    f.ok(await t.call(org.apiKey, 'PATCH', `/api/v1/enrolments/${byKos.get(s2)}`, { dueAt: past }));
    expect(s3 && n1).toBeTruthy();

    const report = async (key: string, query = '') => f.ok(await t.call(key, 'GET', `/api/v1/training/report${query}`)).rows;
    const row = (
      courseId: string,
      unitId: string,
      tier: string | null,
      assigned: number,
      completed: number,
      overdue: number,
    ) => ({
      courseId,
      unitId,
      tier,
      assigned,
      completed,
      overdue,
      completionRate: completed / assigned,
    });
    const storeA = row(course.id, store, 'A', 2, 1, 1);
    const southNone = row(course.id, south, null, 1, 0, 0);
    const northC = row(course.id, north, 'C', 1, 0, 0);
    const otherNorth = row(other.id, north, 'C', 1, 0, 0);
    const sortRows = (rows: { courseId: string; unitId: string }[]) =>
      [...rows].sort((x, y) => `${x.courseId}${x.unitId}`.localeCompare(`${y.courseId}${y.unitId}`));
    expect(sortRows(await report(org.apiKey))).toEqual(sortRows([storeA, southNone, northC, otherNorth]));
    expect(sortRows(await report(org.apiKey, `?courseId=${course.id}`))).toEqual(sortRows([storeA, southNone, northC]));
    expect(sortRows(await report(org.apiKey, `?unitId=${south}`))).toEqual(sortRows([storeA, southNone]));
    const manager = await f.roleKey(org.apiKey, 'manager', south);
    expect(sortRows(await report(manager))).toEqual(sortRows([storeA, southNone]));
    expect((await t.call(manager, 'GET', `/api/v1/training/report?unitId=${north}`)).statusCode).toBe(403);
  });

  test('a required course keeps the onboarding step training open until it is completed', async () => {
    const org = await t.newOrg();
    const kos = await f.kos(org.apiKey, { status: 'onboarding' });
    const step = async () =>
      f
        .ok(await t.call(org.apiKey, 'GET', `/api/v1/kos/${kos}/onboarding`))
        .steps.find((s: { key: string }) => s.key === 'training').done;
    expect(await step()).toBe(true);
    await f.course(org.apiKey, { required: false, audience: { statuses: ['onboarding', 'active'] } });
    expect(await step()).toBe(true);
    const required = await f.course(org.apiKey, {
      required: true,
      audience: { statuses: ['onboarding', 'active'] },
      lessons: [{ id: 'only', title: 'Quy tắc', kind: 'document', body: 'Đọc kỹ.' }],
    });
    expect(await step()).toBe(false);
    const [enrolment] = await f.enrolments(org.apiKey, `&kosId=${kos}&courseId=${required.id}`);
    f.ok(await t.call(org.apiKey, 'POST', `/api/v1/enrolments/${enrolment?.id}/lessons/only/complete`, {}));
    expect(await step()).toBe(true);
  });
});
