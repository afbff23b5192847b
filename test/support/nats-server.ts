import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { natsReachable } from './nats.js';

/** This machine's nats-server binary, for tests that need a server of their own (credentials, TLS). */
export const NATS_SERVER = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((p) =>
  existsSync(p),
);
if (!NATS_SERVER) console.warn('nats-server not found — tests with a NATS server of their own (credentials, TLS) SKIPPED');

const stops: (() => void)[] = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Starts nats-server with `args` on a free port of 127.0.0.1 and answers its URL once it greets. */
export async function startNatsServer(args: string[]): Promise<string> {
  const port = await freePort();
  const child = spawn(NATS_SERVER as string, ['-a', '127.0.0.1', '-p', String(port), ...args], { stdio: 'ignore' });
  stops.push(() => child.kill());
  const url = `nats://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && !(await natsReachable(url)); i++) await new Promise((r) => setTimeout(r, 50));
  return url;
}

/** Stops every server this test file started. */
export function stopNatsServers(): void {
  for (const stop of stops.splice(0)) stop();
}
