// One load round with wrk (C, one thread) pinned to core 1, as the second load generator beside
// autocannon: a load generator that costs less per request than the server must not be the bottleneck.
import { execFileSync } from 'node:child_process';
import { measureCpu } from './cpu-usage.js';
import type { Round } from './load.js';
import { runProcess } from './processes.js';

/** True when `wrk` is on the PATH. */
export function hasWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk --version exits 1 after printing its version; only a missing binary is ENOENT.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** A wrk duration (`635.00us`, `2.10ms`, `1.02s`) in ms. */
function durationMs(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) throw new Error(`wrk: cannot read the duration "${text}"`);
  return Number(match[1]) * (UNIT_MS[match[2] as string] as number);
}

/** Reads wrk's `--latency` report into a round (every answer counted as a 302 unless wrk says otherwise). */
export function parseWrk(output: string): Omit<Round, 'cpu'> {
  const pick = (re: RegExp) => re.exec(output)?.slice(1) ?? [];
  const [requests, seconds] = pick(/(\d+) requests in ([\d.]+\w+),/);
  if (requests === undefined || seconds === undefined) throw new Error(`wrk: unexpected output\n${output}`);
  const responses = Number(requests);
  const elapsed = durationMs(seconds) / 1000;
  const other = Number(pick(/Non-2xx or 3xx responses: (\d+)/)[0] ?? 0);
  const errors = pick(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/).map(Number);
  return {
    seconds: elapsed,
    // wrk does not report requests it sent without an answer (at most one per connection at the end).
    sent: responses,
    responses,
    statusCounts: { '302': responses - other, ...(other ? { other } : {}) },
    errors: (errors[0] ?? 0) + (errors[1] ?? 0) + (errors[2] ?? 0),
    timeouts: errors[3] ?? 0,
    rps: responses / elapsed,
    p50: durationMs(pick(/^\s+50%\s+(\S+)/m)[0] ?? '0ms'),
    p99: durationMs(pick(/^\s+99%\s+(\S+)/m)[0] ?? '0ms'),
    max: durationMs(pick(/Latency\s+\S+\s+\S+\s+(\S+)/)[0] ?? '0ms'),
  };
}

export async function runWrkRound(url: string, seconds: number, connections: number, serverPid?: number): Promise<Round> {
  const stop = measureCpu(serverPid);
  const args = ['-c', '1', 'wrk', '-t', '1', '-c', String(connections), '-d', `${seconds}s`, '--latency', url];
  const output = await runProcess('taskset', args, { timeoutMs: (seconds + 60) * 1000 });
  const cpu = stop();
  return { ...parseWrk(output), cpu };
}
