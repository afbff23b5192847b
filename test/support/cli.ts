import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { DialectName } from '../../src/db/dialect.js';
import { testConfig } from './app.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { kosEntry } from './kos-entry.js';

const ROOT = join(import.meta.dirname, '..', '..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `kos` CLI (from source, through tsx) with extra environment variables. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...kosEntry(), ...args], {
      cwd: ROOT,
      env: { ...process.env, KOS_LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A database for one `describe` of CLI tests, and the environment that points `kos` at it (dropped after). */
export interface CliDatabase {
  db: TestDatabase;
  env: Record<string, string>;
}

export function useCliDatabase(dialect: DialectName): CliDatabase {
  const ctx = {} as CliDatabase;
  beforeAll(async () => {
    ctx.db = await createTestDatabase(dialect);
    ctx.env = { KOS_DATABASE_URL: ctx.db.url, KOS_SECRET: 'cli-test-secret-0123456789' };
  });
  afterAll(() => ctx.db.drop());
  return ctx;
}

/** `kos org create --slug S … --json` (admin `S@example.com`), failing the test on a non-zero exit; its API key. */
export async function createOrgByCli(cli: CliDatabase, slug: string, extra: string[] = []): Promise<string> {
  const args = ['org', 'create', '--name', slug.toUpperCase(), '--slug', slug, ...extra];
  const org = await runCli(
    [...args, '--admin-email', `${slug}@example.com`, '--admin-password', `password-${slug}`, '--json'],
    cli.env,
  );
  expect(org.code, org.stderr).toBe(0);
  return JSON.parse(org.stdout).apiKey;
}

/** Runs `fn` against an in-process app on the CLI's database (to set data up through the API), then closes it. */
export async function withApp<T>(cli: CliDatabase, fn: (app: FastifyInstance) => Promise<T>): Promise<T> {
  const app = await buildApp({ config: testConfig(cli.db.url), database: cli.db.database });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
