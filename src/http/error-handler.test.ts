import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import * as dialect from '../db/dialect.js';
import { createRouter, type Router } from '../lib/http/route.js';
import { installErrorHandler } from './error-handler.js';
import { installInputGuard } from './input-guard.js';

// Wrapped, not replaced: the real helper still answers, and a test can see that the handler asked it.
vi.mock('../db/dialect.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../db/dialect.js')>();
  return { ...actual, isUniqueViolation: vi.fn(actual.isUniqueViolation) };
});

interface LogLine {
  level: number;
  msg: string;
  err?: { type: string; message: string; issues?: { path: (string | number)[] }[] };
}

/** A bare app with the error handler, the input guard and a router; its error log is kept in `logs`. */
function tinyApp(): { app: FastifyInstance; logs: LogLine[]; router: Router<undefined> } {
  const logs: LogLine[] = [];
  const app = Fastify({ logger: { level: 'error', stream: { write: (line: string) => logs.push(JSON.parse(line)) } } });
  installErrorHandler(app);
  installInputGuard(app);
  return { app, logs, router: createRouter<undefined>(app, async () => undefined) };
}

describe('the error handler', () => {
  test('a response that fails its own schema is a logged 500 without internals, never a 422', async () => {
    const { app, logs, router } = tinyApp();
    router.route({
      method: 'GET',
      url: '/leaky',
      summary: 'leaky',
      tags: [],
      auth: false,
      response: z.object({ id: z.string(), count: z.number() }),
      handler: async () => ({ id: 'k1', count: 'hunter2 from /srv/secret.ts' }) as unknown as { id: string; count: number },
    });
    const res = await app.inject({ method: 'GET', url: '/leaky' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 500, code: 'internal', title: 'Internal Server Error' });
    expect(res.json()).not.toHaveProperty('errors');
    expect(res.body).not.toMatch(/hunter2|secret\.ts|count/);
    const logged = logs.filter((line) => line.level >= 50);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ msg: 'unhandled error', err: { type: 'ResponseSchemaError' } });
    expect(logged[0]?.err?.message).toContain('GET /leaky');
    expect(logged[0]?.err?.issues?.map((issue) => issue.path)).toEqual([['count']]);
  });

  test('415 answers from the error catalogue', async () => {
    const { app, router } = tinyApp();
    router.route({
      method: 'POST',
      url: '/echo',
      summary: 'echo',
      tags: [],
      auth: false,
      response: z.object({}),
      handler: async () => ({}),
    });
    const res = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      type: 'https://kosmatrix.dev/problems/unsupported_media_type',
      title: 'Unsupported Media Type',
      status: 415,
      code: 'unsupported_media_type',
    });
    expect(typeof res.json().detail).toBe('string');
  });

  test('the input guard and a route schema word "first error (and N more)" alike', async () => {
    const { app, router } = tinyApp();
    router.route({
      method: 'POST',
      url: '/pair',
      summary: 'pair',
      tags: [],
      auth: false,
      body: z.object({ a: z.string(), b: z.string() }),
      response: z.object({}),
      handler: async () => ({}),
    });
    const guarded = await app.inject({ method: 'POST', url: '/pair', payload: { a: 'x\u0000', b: 'y\u0000' } });
    expect(guarded.statusCode).toBe(422);
    expect(guarded.json().detail).toBe('a: must not contain NUL characters (and 1 more)');
    const parsed = await app.inject({ method: 'POST', url: '/pair', payload: { a: 1, b: 2 } });
    expect(parsed.statusCode).toBe(422);
    expect(parsed.json().detail).toMatch(/^a: .+ \(and 1 more\)$/);
  });

  test('unique violations are recognised by the dialect helper', async () => {
    const { app } = tinyApp();
    app.get('/custom', async () => {
      throw Object.assign(new Error('duplicate'), { code: 'SOME_FUTURE_DRIVER_UNIQUE' });
    });
    vi.mocked(dialect.isUniqueViolation).mockReturnValueOnce(true);
    const res = await app.inject({ method: 'GET', url: '/custom' });
    expect(res.statusCode).toBe(409);
    expect(dialect.isUniqueViolation).toHaveBeenCalledWith(expect.objectContaining({ code: 'SOME_FUTURE_DRIVER_UNIQUE' }));
  });
});

describe.each(DIALECTS)('unique violations on %s', (name) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(name);
    await sql`create table unique_probe (k varchar(20) primary key, u varchar(20) unique)`.execute(db.database.db);
  });
  afterAll(() => db?.drop());

  test.each([
    ['primary key', { k: 'same', u: 'one' }, { k: 'same', u: 'two' }],
    ['unique column', { k: 'first', u: 'same' }, { k: 'second', u: 'same' }],
  ])('a %s violation answers 409 conflict', async (_edge, first, second) => {
    const { app, logs } = tinyApp();
    app.post('/probe', async (request) => {
      const row = request.body as { k: string; u: string };
      await sql`insert into unique_probe (k, u) values (${row.k}, ${row.u})`.execute(db.database.db);
      return { ok: true };
    });
    expect((await app.inject({ method: 'POST', url: '/probe', payload: first })).statusCode).toBe(200);
    const res = await app.inject({ method: 'POST', url: '/probe', payload: second });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict', status: 409 });
    expect(logs).toHaveLength(0);
  });
});
