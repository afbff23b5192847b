import type { TestProject } from 'vitest/node';
import { postgresReachable } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dialects: string[];
  }
}

/** Decides once per run which dialects the contract suites use, and says so when PostgreSQL is missing. */
export default async function setup(project: TestProject): Promise<void> {
  const wanted = (process.env.KOS_TEST_DIALECTS ?? 'sqlite,postgres')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  let dialects = wanted;
  if (wanted.includes('postgres') && !(await postgresReachable())) {
    console.warn('PostgreSQL unreachable — PostgreSQL tests SKIPPED');
    dialects = wanted.filter((d) => d !== 'postgres');
  }
  console.log(`contract suites run on: ${dialects.join(', ') || 'no database'}`);
  project.provide('dialects', dialects);
}
