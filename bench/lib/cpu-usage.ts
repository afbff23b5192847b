// CPU use over an interval, from /proc (Linux; empty elsewhere): how busy each core was and how much of
// it one process used. A benchmark prints them so that a load generator at 100 % (it, not the server,
// set the pace) or another program on the server's core (shared machine) shows up next to the numbers.
import { readFileSync } from 'node:fs';

interface Snapshot {
  at: number;
  cores: { busy: number; total: number }[];
  process: number;
}

export interface CpuUsage {
  /** Busy fraction of each core, 0–1. */
  cores: number[];
  /** The watched process's CPU time per wall-clock second (1 = one core). */
  process: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function snapshot(pid: number | undefined): Snapshot {
  const cores = read('/proc/stat')
    .split('\n')
    .filter((line) => /^cpu\d+ /.test(line))
    .map((line) => {
      // user nice system idle iowait irq softirq steal …: idle and iowait are the not-busy ones
      const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
      const total = fields.reduce((sum, value) => sum + value, 0);
      return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total };
    });
  // /proc/<pid>/stat: fields after the ")" of the command name; utime and stime are the 12th and 13th.
  const stat = pid ? read(`/proc/${pid}/stat`) : '';
  const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const processTicks = Number(after[11] ?? 0) + Number(after[12] ?? 0);
  return { at: performance.now(), cores, process: processTicks };
}

/** Starts measuring; the returned function gives the usage since then. */
export function measureCpu(pid: number | undefined): () => CpuUsage {
  const start = snapshot(pid);
  return () => {
    const end = snapshot(pid);
    const cores = end.cores.map((core, i) => {
      const before = start.cores[i] ?? { busy: 0, total: 0 };
      const total = core.total - before.total;
      return total > 0 ? (core.busy - before.busy) / total : 0;
    });
    const seconds = (end.at - start.at) / 1000;
    return { cores, process: seconds > 0 ? (end.process - start.process) / TICKS_PER_SECOND / seconds : 0 };
  };
}
