import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { kosEntry } from './kos-entry.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The NATS server (with JetStream) the multi-process tests use: KOS_TEST_NATS_URL or this machine's. */
export const TEST_NATS_URL = process.env.KOS_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/** True when something answers on the NATS address within a second. */
export function natsReachable(url = TEST_NATS_URL): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) || 4222, timeout: 1000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('data', (data) => done(data.toString().startsWith('INFO')));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

export interface KosProcess {
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `kos worker` as a real process and waits until it says it is storing clicks. */
export function startWorkerProcess(env: Record<string, string>): Promise<KosProcess> {
  const child = spawn(process.execPath, [...kosEntry(), 'worker'], {
    cwd: ROOT,
    env: { ...process.env, KOS_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const collect = (chunk: Buffer) => {
    out += chunk;
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${out}`)), 60_000);
    const check = () => {
      if (!out.includes('kos worker is storing clicks')) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve({
        child,
        output: () => out,
        stop: (signal = 'SIGTERM') => {
          if (child.exitCode !== null || child.signalCode !== null) return exited;
          child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout?.on('data', check);
    child.on('exit', () => reject(new Error(`worker exited:\n${out}`)));
  });
}
