// The built server for HTTP benchmarks: build when sources are newer, JSON POSTs with an API key, and an
// organisation made through the real CLI.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from './processes.js';

const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
    const path = join(dir, entry.name);
    return Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);

/** Runs tsc when dist/ is missing or older than src/ (the process's cwd is the checkout). */
export async function buildIfNeeded(): Promise<void> {
  // tsc does not rewrite an output whose text is unchanged, but it always rewrites its build info.
  const built = ['dist/src/main.js', 'dist/.tsbuildinfo-build'].map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0));
  if (Math.min(...built) > 0 && Math.max(...built) >= newest('src')) return;
  console.log('building the server (tsc)…');
  await runProcess('npx', ['tsc', '-p', 'tsconfig.build.json']);
}

export async function post<T>(base: string, apiKey: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** `kos org create … --json` through the built CLI; answers the owner API key. */
export async function createOrgKey(env: NodeJS.ProcessEnv, slug: string): Promise<string> {
  const args = ['org', 'create', '--name', slug, '--slug', slug, '--admin-email', `${slug}@example.com`];
  const out = await runProcess('node', ['dist/src/main.js', ...args, '--admin-password', 'bench-password', '--json'], { env });
  return (JSON.parse(out.trim().split('\n').at(-1) ?? '') as { apiKey: string }).apiKey;
}
