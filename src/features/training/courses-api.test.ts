import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { assignCourse } from './assignment.service.js';
import { findCourse } from './training.repository.js';
import { COURSE, trainingFixture } from './training-fixture.js';

describe.each(DIALECTS)('courses and assignment on %s', (dialect) => {
  const t = useTestApp(dialect);
  const f = trainingFixture(t, dialect);

  test('validation names each field; lesson ids are made once and kept', async () => {
    const org = await t.newOrg();
    const bad = await t.call(org.apiKey, 'POST', '/api/v1/courses', {
      title: 'x',
      lessons: [
        { title: 'v', kind: 'video' },
        { title: 'd', kind: 'document' },
        { title: 'q', kind: 'quiz', questions: [] },
        { title: 'q2', kind: 'quiz', questions: [{ q: 'a', choices: ['x', 'y'], answer: 2 }] },
        { title: 'v2', kind: 'video', url: 'https://v.example.com/a', questions: [{ q: 'a', choices: ['x', 'y'], answer: 0 }] },
        { id: 'same', title: 'a', kind: 'document', body: 'b' },
        { id: 'same', title: 'b', kind: 'document', body: 'b' },
      ],
      audience: { tiers: ['S', 'S'] },
    });
    expect(bad.statusCode).toBe(422);
    expect(f.paths(bad)).toEqual([
      'audience.tiers.1',
      'lessons.0.url',
      'lessons.1.body',
      'lessons.2.questions',
      'lessons.3.questions.0.answer',
      'lessons.4.questions',
      'lessons.6',
    ]);
    expect(bad.json().errors.find((e: { path: string }) => e.path === 'lessons.3.questions.0.answer').key).toBe(
      'course.question.answer_out_of_range',
    );
    const service = await t.call(org.apiKey, 'POST', '/api/v1/courses', {
      title: 'x',
      published: true,
      audience: { unitIds: ['nope'] },
    });
    expect(service.statusCode).toBe(422);
    expect(f.paths(service)).toEqual(['audience.unitIds.0', 'lessons']);

    const draft = f.ok(
      await t.call(org.apiKey, 'POST', '/api/v1/courses', {
        title: 'Nháp',
        lessons: [{ title: 'Một', kind: 'document', body: 'nội dung' }],
      }),
      201,
    );
    expect(draft).toMatchObject({ required: false, dueDays: 14, published: false, description: null });
    expect(draft.audience).toEqual({ tiers: [], relationships: [], statuses: [], unitIds: [] });
    const firstId = draft.lessons[0].id;
    expect(firstId).toMatch(/^[A-Za-z0-9_-]+$/);
    const patched = f.ok(
      await t.call(org.apiKey, 'PATCH', `/api/v1/courses/${draft.id}`, {
        lessons: [
          { id: firstId, title: 'Một (sửa)', kind: 'document', body: 'mới' },
          { title: 'Hai', kind: 'video', url: 'https://v.example.com/2' },
        ],
      }),
    );
    expect(patched.lessons[0]).toMatchObject({ id: firstId, title: 'Một (sửa)' });
    expect(patched.lessons[1].id).not.toBe(firstId);
    expect(f.ok(await t.call(org.apiKey, 'GET', `/api/v1/courses/${draft.id}`)).lessons).toEqual(patched.lessons);
  });

  test('assigned once on publish, on a new audience, and when a KOS enters the audience', async () => {
    const org = await t.newOrg();
    const south = await f.unit(org.apiKey, 'Miền Nam');
    const store = await f.unit(org.apiKey, 'Cửa hàng Quận 1', south);
    const north = await f.unit(org.apiKey, 'Miền Bắc');
    const inStore = await f.kos(org.apiKey, { unitId: store, tier: 'C' });
    const inNorth = await f.kos(org.apiKey, { unitId: north, tier: 'C' });
    const tierB = await f.kos(org.apiKey, { unitId: store, tier: 'B' });
    const candidate = await f.kos(org.apiKey, { unitId: store, tier: 'C', status: 'candidate' });
    const course = await f.course(org.apiKey, { published: false, audience: { tiers: ['C'], unitIds: [south] } });
    const kosOf = async () => (await f.enrolments(org.apiKey, `&courseId=${course.id}`)).map((e) => e.kosId).sort();
    expect(await kosOf()).toEqual([]);

    const before = Date.now();
    f.ok(await t.call(org.apiKey, 'PATCH', `/api/v1/courses/${course.id}`, { published: true }));
    expect(await kosOf()).toEqual([inStore]);
    const [first] = await f.enrolments(org.apiKey, `&courseId=${course.id}`);
    const e = first as unknown as { assignedAt: string; dueAt: string; status: string; completedLessons: string[] };
    expect(Date.parse(e.dueAt) - Date.parse(e.assignedAt)).toBe(14 * 86_400_000);
    expect(Date.parse(e.assignedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(e).toMatchObject({ status: 'assigned', completedLessons: [], completedAt: null, lastQuiz: null });

    // The audience widens to the north: the north KOS is assigned, the store KOS keeps its one enrolment.
    f.ok(
      await t.call(org.apiKey, 'PATCH', `/api/v1/courses/${course.id}`, { audience: { tiers: ['C'], unitIds: [south, north] } }),
    );
    expect(await kosOf()).toEqual([inNorth, inStore].sort());

    // A KOS enters by tier (PATCH tier), by unit, by status, or is created inside the audience.
    f.ok(await t.call(org.apiKey, 'PATCH', `/api/v1/kos/${tierB}`, { tier: 'C' }));
    expect(await kosOf()).toContain(tierB);
    f.ok(await t.call(org.apiKey, 'PATCH', `/api/v1/kos/${candidate}`, { status: 'onboarding' }));
    expect(await kosOf()).toContain(candidate);
    const elsewhere = await f.kos(org.apiKey, { tier: 'C' });
    expect(await kosOf()).not.toContain(elsewhere);
    f.ok(await t.call(org.apiKey, 'PATCH', `/api/v1/kos/${elsewhere}`, { unitId: store }));
    const created = await f.kos(org.apiKey, { unitId: south, tier: 'C' });
    expect(await kosOf()).toEqual([inNorth, inStore, tierB, candidate, elsewhere, created].sort());

    // Leaving and entering again assigns nothing more; an unpublished course assigns nobody.
    f.ok(await t.call(org.apiKey, 'PATCH', `/api/v1/kos/${tierB}`, { tier: 'B' }));
    f.ok(await t.call(org.apiKey, 'PATCH', `/api/v1/kos/${tierB}`, { tier: 'C' }));
    f.ok(await t.call(org.apiKey, 'PATCH', `/api/v1/courses/${course.id}`, { published: false }));
    f.ok(await t.call(org.apiKey, 'PATCH', `/api/v1/courses/${course.id}`, { published: true }));
    const draft = await f.course(org.apiKey, { published: false });
    await f.kos(org.apiKey, { unitId: store, tier: 'C' });
    expect(await kosOf()).toHaveLength(7);
    expect(await f.enrolments(org.apiKey, `&courseId=${draft.id}`)).toEqual([]);
    const all = await f.enrolments(org.apiKey, `&courseId=${course.id}`);
    expect(new Set(all.map((x) => x.kosId)).size).toBe(all.length);
  });

  test('concurrent assignments store one enrolment per KOS', async () => {
    const org = await t.newOrg();
    const ids = [await f.kos(org.apiKey), await f.kos(org.apiKey), await f.kos(org.apiKey)];
    const course = await f.course(org.apiKey, { published: false });
    f.ok(await t.call(org.apiKey, 'PATCH', `/api/v1/courses/${course.id}`, { published: true }));
    const db = t.db.database.db;
    const stored = await findCourse(db, org.orgId, course.id);
    if (!stored) throw new Error('course missing');
    await Promise.all(Array.from({ length: 6 }, (_, i) => assignCourse(db, stored, Date.now() + i)));
    expect((await f.enrolments(org.apiKey, `&courseId=${course.id}`)).map((e) => e.kosId).sort()).toEqual(ids.sort());
  });

  test('a KOS entering the audience while the course is being published is assigned (no race)', async () => {
    const org = await t.newOrg();
    for (let round = 0; round < 3; round++) {
      const course = await f.course(org.apiKey, { published: false, audience: { tiers: ['S'] } });
      const existing = await f.kos(org.apiKey, { tier: 'B' });
      const [, created, , moved] = await Promise.all([
        t.call(org.apiKey, 'PATCH', `/api/v1/courses/${course.id}`, { published: true }),
        f.kos(org.apiKey, { tier: 'S' }),
        f.kos(org.apiKey, { tier: 'S' }),
        t.call(org.apiKey, 'PATCH', `/api/v1/kos/${existing}`, { tier: 'S' }),
      ]);
      expect(moved.statusCode, moved.body).toBe(200);
      const enrolled = (await f.enrolments(org.apiKey, `&courseId=${course.id}`)).map((e) => e.kosId);
      expect(enrolled).toContain(created);
      expect(enrolled).toContain(existing);
      expect(enrolled).toHaveLength(3 + round * 3);
    }
  });

  test('who may read and write courses; a KOS member reads only their courses, without answers', async () => {
    const org = await t.newOrg();
    const south = await f.unit(org.apiKey, 'South');
    const lan = await f.kos(org.apiKey, { unitId: south, tier: 'C' });
    const mine = await f.course(org.apiKey, { audience: { tiers: ['C'] } });
    const other = await f.course(org.apiKey, { audience: { tiers: ['S'] } });
    const manager = await f.roleKey(org.apiKey, 'manager', south);
    const viewer = await f.roleKey(org.apiKey, 'viewer');
    const me = await f.kosMember(org.apiKey, lan);

    expect(f.ok(await t.call(manager, 'GET', '/api/v1/courses')).items).toHaveLength(2);
    expect(f.ok(await t.call(viewer, 'GET', `/api/v1/courses/${other.id}`)).lessons[2].questions[0].answer).toBe(0);
    expect((await t.call(manager, 'POST', '/api/v1/courses', COURSE)).statusCode).toBe(403);
    expect((await t.call(manager, 'PATCH', `/api/v1/courses/${mine.id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await t.call(viewer, 'PATCH', `/api/v1/courses/${mine.id}`, { title: 'x' })).statusCode).toBe(403);

    const list = f.ok(await me('GET', '/api/v1/courses'));
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    const quiz = list.items[0].lessons.find((l: { kind: string }) => l.kind === 'quiz');
    expect(quiz.questions[0]).toEqual({ q: 'Q1', choices: ['a', 'b', 'c'] });
    expect(JSON.stringify(f.ok(await me('GET', `/api/v1/courses/${mine.id}`)))).not.toContain('"answer"');
    expect((await me('GET', `/api/v1/courses/${other.id}`)).statusCode).toBe(403);
    expect((await me('POST', '/api/v1/courses', COURSE)).statusCode).toBe(403);
    expect((await me('PATCH', `/api/v1/courses/${mine.id}`, { title: 'x' })).statusCode).toBe(403);

    const stranger = await t.newOrg();
    expect((await t.call(stranger.apiKey, 'GET', `/api/v1/courses/${mine.id}`)).statusCode).toBe(404);
    expect((await t.call(stranger.apiKey, 'GET', '/api/v1/courses')).json().items).toEqual([]);
  });
});
