import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kosEntry } from './kos-entry.js';

const ROOT = join(import.meta.dirname, '..', '..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `kos serve …` as a real process on a free port and waits until it says where it serves. */
export function startServerProcess(args: string[], env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...kosEntry(), 'serve', ...args], {
    cwd: ROOT,
    // A data folder of its own (the click log lives there, docs/clicks.md) unless the test names one.
    env: {
      ...process.env,
      KOS_DATA_DIR: mkdtempSync(join(tmpdir(), 'kos-process-')),
      KOS_LOG_LEVEL: 'warn',
      KOS_PORT: '0',
      KOS_HOST: '127.0.0.1',
      KOS_SCHEDULER: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c) => {
    out += c;
  });
  child.stderr?.on('data', (c) => {
    out += c;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const check = () => {
      const match = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve({
        child,
        url: match[1] as string,
        output: () => out,
        stop: (signal = 'SIGTERM') => {
          child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout?.on('data', check);
    child.on('exit', () => reject(new Error(`server exited:\n${out}`)));
  });
}
