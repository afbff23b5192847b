import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

const newest = (dir: string): number => {
  let max = 0;
  if (!existsSync(dir)) return max;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return max;
};

let cached: string[] | undefined;

/**
 * How tests start the real `kos` program: the built `dist/src/main.js` when its build stamp (its mtime, set
 * by every build: tsc leaves unchanged outputs untouched) is at least as new as every source file — `npm test`
 * builds right before the tests, so CI always takes it — else the sources through tsx. Both run the same
 * code; the build starts in a fraction of the time tsx needs to compile on start, which is most of what the
 * CLI and process tests used to spend.
 */
export function kosEntry(): string[] {
  if (cached) return cached;
  const built = join(ROOT, 'dist', 'src', 'main.js');
  const fresh = existsSync(built) && statSync(built).mtimeMs >= newest(join(ROOT, 'src'));
  cached = fresh ? [built] : ['--import', 'tsx', join(ROOT, 'src', 'main.ts')];
  return cached;
}
