import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { type Caller, sessionCaller, type TestContext } from '../../../test/support/app.js';

/** Helpers of the training API tests: an org with units, KOS, role keys, KOS members and courses. */
export function trainingFixture(t: TestContext, dialect: string) {
  let n = 0;
  const ok = (res: LightMyRequestResponse, status = 200) => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  return {
    ok,
    paths: (res: LightMyRequestResponse): string[] =>
      [...new Set<string>((res.json().errors ?? []).map((e: { path: string }) => e.path))].sort(),
    async unit(key: string, name: string, parentId?: string): Promise<string> {
      const body = { name, kind: parentId ? 'store' : 'region', ...(parentId ? { parentId } : {}) };
      return ok(await t.call(key, 'POST', '/api/v1/units', body), 201).id;
    },
    async kos(key: string, fields: Record<string, unknown> = {}): Promise<string> {
      n += 1;
      const body = {
        code: `TRN${n}`,
        handle: `trn-${dialect}-${n}`,
        name: `KOS ${n}`,
        relationship: 'agent',
        status: 'active',
        ...fields,
      };
      return ok(await t.call(key, 'POST', '/api/v1/kos', body), 201).id;
    },
    async roleKey(owner: string, role: string, unitId?: string): Promise<string> {
      const res = await t.call(owner, 'POST', '/api/v1/api-keys', { name: `${role} key`, role, ...(unitId ? { unitId } : {}) });
      return ok(res, 201).key;
    },
    async kosMember(owner: string, kosId: string): Promise<Caller> {
      const email = `trn-${kosId.toLowerCase()}@example.com`;
      const password = 'kos password 1';
      ok(await t.call(owner, 'POST', '/api/v1/members', { email, password, role: 'kos', kosId }), 201);
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      return sessionCaller(t.app, login.cookies.find((c) => c.name === 'kos_session')?.value ?? '');
    },
    async course(key: string, fields: Record<string, unknown> = {}): Promise<{ id: string; lessons: { id: string }[] }> {
      return ok(await t.call(key, 'POST', '/api/v1/courses', { ...COURSE, ...fields }), 201);
    },
    async enrolments(key: string, query = ''): Promise<{ id: string; kosId: string; courseId: string; status: string }[]> {
      return ok(await t.call(key, 'GET', `/api/v1/enrolments?limit=500${query}`)).items;
    },
  };
}

/** A course of three lessons: a video, a document and a five-question quiz whose answers are 0, 1, 2, 0, 1. */
export const COURSE = {
  title: 'Bán hàng livestream cơ bản',
  lessons: [
    { id: 'intro', title: 'Giới thiệu', kind: 'video', url: 'https://video.example.com/intro.mp4' },
    { id: 'rules', title: 'Quy định thương hiệu', kind: 'document', body: 'Không hứa hẹn công dụng chữa bệnh.' },
    {
      id: 'quiz',
      title: 'Kiểm tra',
      kind: 'quiz',
      questions: [
        { q: 'Q1', choices: ['a', 'b', 'c'], answer: 0 },
        { q: 'Q2', choices: ['a', 'b', 'c'], answer: 1 },
        { q: 'Q3', choices: ['a', 'b', 'c'], answer: 2 },
        { q: 'Q4', choices: ['a', 'b'], answer: 0 },
        { q: 'Q5', choices: ['a', 'b'], answer: 1 },
      ],
    },
  ],
  published: true,
};
export const RIGHT = [0, 1, 2, 0, 1];
