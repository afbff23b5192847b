// `npm run bench`: runs every benchmark in turn — each one registers a `bench:<name>` npm script
// (bench/ also holds helpers such as support-*.ts, so a glob over bench/*.ts would run those too).
// Stops at the first benchmark that crashes; a missed goal is only reported, never a failure.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { scripts = {} } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  scripts?: Record<string, string>;
};
const names = Object.keys(scripts).filter((name) => name.startsWith('bench:'));
for (const name of names) {
  console.log(`\n=== npm run ${name} ===`);
  const { status } = spawnSync('npm', ['run', '--silent', name], { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`${name} failed (exit ${status})`);
    process.exit(status ?? 1);
  }
}
console.log(`\n${names.length} benchmark(s) run: ${names.join(', ')}`);
