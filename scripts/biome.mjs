// Runs Biome's native binary. The wrapper package @biomejs/biome lists a binary for every platform as an
// optional dependency, and the package registry reachable here has only the Linux ones, so `npm ci`
// cannot install the wrapper; the Linux binaries are optional dependencies of this project instead.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const name = `@biomejs/cli-${process.platform}-${process.arch}`;
let binary;
try {
  binary = join(dirname(require.resolve(`${name}/package.json`)), 'biome');
} catch {
  process.stderr.write(`biome: ${name} is not installed; on this platform run \`npm i -D @biomejs/biome\` to lint and format\n`);
  process.exit(1);
}
const result = spawnSync(binary, process.argv.slice(2), { stdio: 'inherit' });
process.exit(result.status ?? 1);
