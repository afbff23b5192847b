import { afterEach, expect, test, vi } from 'vitest';
import { Periodic } from './periodic.js';

afterEach(() => vi.useRealTimers());

test('runs at start and every interval; a pass under way is joined, not doubled; stop waits for it', async () => {
  vi.useFakeTimers();
  let runs = 0;
  let release: () => void = () => {};
  const periodic = new Periodic(async () => {
    runs += 1;
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    return runs;
  }, 1000);
  periodic.start();
  expect(runs).toBe(1);
  const joined = periodic.tick(); // the first pass is still under way
  await vi.advanceTimersByTimeAsync(1000); // the timer finds it under way too
  expect(runs).toBe(1);
  release();
  expect(await joined).toBe(1);
  await vi.advanceTimersByTimeAsync(1000);
  expect(runs).toBe(2);
  let stopped = false;
  const stopping = periodic.stop().then(() => {
    stopped = true;
  });
  await vi.advanceTimersByTimeAsync(10);
  expect(stopped).toBe(false); // waits for the pass under way
  release();
  await stopping;
  await vi.advanceTimersByTimeAsync(5000);
  expect(runs).toBe(2); // no pass after stop
});

test('a failing pass rejects its callers but does not stop the timer', async () => {
  vi.useFakeTimers();
  let runs = 0;
  const periodic = new Periodic(async () => {
    runs += 1;
    throw new Error('boom');
  }, 100);
  await expect(periodic.tick()).rejects.toThrow('boom');
  periodic.start();
  await vi.advanceTimersByTimeAsync(250);
  expect(runs).toBe(4);
  await periodic.stop();
});
