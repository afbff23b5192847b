// One load round: autocannon in a child process pinned to core 1 (bench/lib/load-child.ts), with the
// CPU use of the server and of both cores over the round.
import { type CpuUsage, measureCpu } from './cpu-usage.js';
import type { LoadResult } from './load-child.js';
import { runProcess } from './processes.js';

export interface Round extends LoadResult {
  cpu: CpuUsage;
}

export async function runRound(url: string, seconds: number, connections: number, serverPid?: number): Promise<Round> {
  const options = JSON.stringify({ url, connections, seconds });
  const args = ['-c', '1', process.execPath, '--import', 'tsx', 'bench/lib/load-child.ts', options];
  // CPU use from the child's first request to its last response (not while it loads or reports).
  let stop: (() => CpuUsage) | undefined;
  let cpu: CpuUsage = { cores: [], process: 0 };
  const onLine = (line: string) => {
    if (line === 'started') stop = measureCpu(serverPid);
    if (line === 'drained' && stop) cpu = stop();
  };
  const output = await runProcess('taskset', args, { timeoutMs: (seconds + 60) * 1000, onLine });
  return { ...(JSON.parse(output.trim().split('\n').at(-1) ?? '') as LoadResult), cpu };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const ms = (value: number) => `${value.toFixed(2)} ms`;
const pct = (value: number) => `${Math.round(value * 100)}%`;
export const int = (value: number) => Math.round(value).toLocaleString('en-US');

/** Server CPU time per request answered, in µs (from /proc; robust to a pace set by the load generator). */
const usPerRequest = (r: Round): string => (r.rps ? `${((r.cpu.process / r.rps) * 1e6).toFixed(0)} µs/req` : '');

/** True when something besides the server kept core 0 busy (> 10 % of it): that round is not clean. */
export const sharedCore = (r: Round): boolean => (r.cpu.cores[0] ?? 0) - r.cpu.process > 0.1;

/** One line per round: throughput, latency, and who was busy. */
export function roundLine(label: string, r: Round): string {
  const cores = r.cpu.cores.map((busy, i) => `core${i} ${pct(busy)}`).join(' ') + (sharedCore(r) ? ' (core 0 shared!)' : '');
  return (
    `${label.padEnd(20)} ${int(r.rps).padStart(7)} req/s  p50 ${ms(r.p50)}  p99 ${ms(r.p99).padStart(9)}  ` +
    `server ${pct(r.cpu.process)} cpu ${usPerRequest(r)}, ${cores}${r.errors ? `  ${r.errors} errors` : ''}`
  );
}

/** Medians of a server's rounds. */
export function summaryLine(label: string, rounds: Round[]): string {
  const m = (pick: (r: Round) => number) => median(rounds.map(pick));
  const cpu = m((r) => (r.rps ? (r.cpu.process / r.rps) * 1e6 : 0));
  return `  ${label.padEnd(10)} ${int(m((r) => r.rps)).padStart(7)} req/s  p50 ${ms(m((r) => r.p50))}  p99 ${ms(m((r) => r.p99))}  server cpu ${pct(m((r) => r.cpu.process))}, ${cpu.toFixed(1)} µs/request`;
}
