import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { DialectName } from '../../src/db/dialect.js';
import { createOrg } from '../../src/features/orgs/orgs.service.js';
import { randomAlphanumeric } from '../../src/lib/ids.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const testConfig = (databaseUrl: string, overrides: Partial<Config> = {}): Config =>
  Object.freeze({
    databaseUrl,
    host: '127.0.0.1',
    port: 0,
    publicUrl: 'http://localhost:8080',
    dataDir: '/tmp',
    secret: 'test-secret-test-secret-test-secret',
    logLevel: 'silent',
    maxUploadBytes: 10 * 1024 * 1024,
    trustProxy: { kind: 'none' } as const,
    loginHashRate: 1000,
    consoleDir: join(import.meta.dirname, '..', '..', 'web', 'dist'),
    // No surprise tier recomputes in tests (the scheduler has its own tests).
    scheduler: false,
    sseHeartbeatSeconds: 15,
    ...overrides,
  });

/** The public URL of `testConfig`: the Origin the console's own requests carry. */
export const SAME_ORIGIN = 'http://localhost:8080';

export type Caller = (method: InjectOptions['method'], url: string, body?: unknown) => Promise<LightMyRequestResponse>;

/** Requests with a session cookie, sent from our own origin as the console sends them (the CSRF guard wants it). */
export const sessionCaller =
  (app: FastifyInstance, cookie: string): Caller =>
  (method, url, body) =>
    app.inject({
      method,
      url,
      cookies: { kos_session: cookie },
      headers: { origin: SAME_ORIGIN },
      ...(body !== undefined ? { payload: body as object } : {}),
    });

export interface TestOrg {
  orgId: string;
  slug: string;
  apiKey: string;
  email: string;
  password: string;
}

export interface TestContext {
  app: FastifyInstance;
  db: TestDatabase;
  /** A new org with an owner key; each call makes another tenant. */
  newOrg(overrides?: { currency?: string; timezone?: string; locale?: 'vi' | 'zh-CN' | 'en' }): Promise<TestOrg>;
  /** A request with `Authorization: Bearer <key>`. */
  call(key: string | null, method: InjectOptions['method'], url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

/**
 * Registers hooks that build the real app on a fresh database of the dialect, and returns a context
 * whose fields are filled before the first test runs.
 */
export function useTestApp(dialect: DialectName, overrides: Partial<Config> = {}): TestContext {
  const ctx = {} as TestContext;
  beforeAll(async () => {
    ctx.db = await createTestDatabase(dialect);
    ctx.app = await buildApp({ config: testConfig(ctx.db.url, overrides), database: ctx.db.database });
    ctx.newOrg = async (overrides = {}) => {
      const slug = `org-${randomAlphanumeric(8).toLowerCase()}`;
      const email = `${slug}@example.com`;
      const password = 'correct horse battery';
      const created = await createOrg(ctx.db.database.db, {
        name: `Org ${slug}`,
        slug,
        adminEmail: email,
        adminPassword: password,
        ...overrides,
      });
      return { orgId: created.org.id, slug, apiKey: created.apiKey, email, password };
    };
    ctx.call = (key, method, url, payload) =>
      ctx.app.inject({
        method,
        url,
        headers: key ? { authorization: `Bearer ${key}` } : {},
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.db?.drop();
  });
  return ctx;
}
