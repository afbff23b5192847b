// The protocol of benchmark child phases, kept free of application imports so that a child's peak RSS
// is only what it loads itself: the parent spawns `node --import tsx <script>`, the child ends with one
// `RESULT {json}` line on stdout (its peak RSS added), progress goes to stderr.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Seconds since `start` (a `performance.now()` value). */
export const since = (start: number): number => (performance.now() - start) / 1000;

/** Peak resident set of this process so far, in MB (`maxRSS` is in KB). */
export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

/** Ends a child phase: prints its result as the last stdout line and exits. */
export function report(result: object): never {
  process.stdout.write(`RESULT ${JSON.stringify({ ...result, peakRssMb: peakRssMb() })}\n`);
  process.exit(0);
}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/**
 * Runs `node --import tsx <script> …args` (a `.mjs` script in plain Node: the compiled product, without the
 * loader's memory) and resolves with the JSON it reports (`RESULT {…}`).
 */
export function runPhase<T>(script: string, args: string[], nodeOptions: string[] = []): Promise<T & { peakRssMb: number }> {
  const loader = script.endsWith('.mjs') ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...nodeOptions, ...loader, script, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      children.delete(child);
      const line = output.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice('RESULT '.length)));
      else reject(new Error(`${script} ${args.join(' ')}: exited with ${signal ?? code}\n${output.slice(-2000)}`));
    });
  });
}
