import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most test time is spent waiting on PostgreSQL, Chromium and child processes, so two files at a time
    // pay off even on 2 cores (vitest's own default there is one).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
