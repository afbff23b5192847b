// Builds the server (tsc) and the console (vite) only when their output is missing or older than
// their sources. All output goes to stderr, so `npm run kos -- … --json` keeps one line on stdout.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir) => {
  let max = 0;
  if (!existsSync(dir)) return max;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return max;
};
const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const run = (args) => {
  const result = spawnSync('npx', args, { stdio: ['ignore', 2, 2] });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const stamp = (file) => {
  const now = new Date();
  utimesSync(file, now, now);
};

// `--stamp` (run by `npm run build` right after tsc): mark the server build as fresh, nothing else.
if (process.argv.includes('--stamp')) {
  stamp('dist/src/main.js');
  process.exit(0);
}

if (builtAt('dist/src/main.js') < Math.max(newest('src'), builtAt('package.json'))) {
  process.stderr.write('building the server…\n');
  run(['tsc', '-p', 'tsconfig.build.json']);
  // tsc leaves an unchanged output file untouched: mark the build as fresh, or every start would rebuild.
  stamp('dist/src/main.js');
}
if (builtAt('web/dist/index.html') < newest('web/src')) {
  process.stderr.write('building the console…\n');
  run(['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  stamp('web/dist/index.html');
}
