import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The JavaScript a first visit loads before any page module: the entry chunk and every chunk it imports statically. */
export function initialChunks(bundle: Record<string, { type: string; isEntry?: boolean; imports?: string[] }>): string[] {
  const seen = new Set<string>();
  const todo = Object.entries(bundle)
    .filter(([, out]) => out.type === 'chunk' && out.isEntry)
    .map(([name]) => name);
  for (let name = todo.pop(); name !== undefined; name = todo.pop()) {
    const out = bundle[name];
    if (seen.has(name) || out?.type !== 'chunk') continue;
    seen.add(name);
    todo.push(...(out.imports ?? []));
  }
  return [...seen];
}

/**
 * Prints the gzipped size of the initial JavaScript and fails the build above `limitKb` (issue 10: under
 * 300 kB, charts loaded only where used). Lazy pages and dynamic imports (ECharts) are not counted:
 * they load when a page needs them. kB = 1000 bytes, as Vite's own report.
 */
export function initialJsSize({ limitKb }: { limitKb: number }): Plugin {
  return {
    name: 'kos:initial-js-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      let bytes = 0;
      for (const name of initialChunks(bundle)) {
        const out = bundle[name];
        if (out?.type === 'chunk') bytes += gzipSync(out.code).length;
      }
      const kb = bytes / 1000;
      const line = `initial JS: ${kb.toFixed(1)} kB gzipped (limit ${limitKb})`;
      if (kb > limitKb) this.error(`${line} — load the new weight lazily (React.lazy or import())`);
      // Printed even under `--logLevel warn` (npm run build): the size is part of every build's output.
      process.stdout.write(`${line}\n`);
    },
  };
}
