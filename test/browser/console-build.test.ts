import { expect, test } from 'vitest';
import { webModule } from './web-module.js';

/** The build's size check (web/build/initial-js-size.ts): what counts as the initial JavaScript. */
const { initialChunks } = await webModule<{ initialChunks(bundle: object): string[] }>('../build/initial-js-size.ts');

test('the size check counts the entry and its static imports, not lazy chunks', () => {
  const bundle = {
    'index.js': { type: 'chunk', isEntry: true, imports: ['react.js'] },
    'react.js': { type: 'chunk', imports: ['shared.js'] },
    'shared.js': { type: 'chunk', imports: [] },
    'chart.js': { type: 'chunk', imports: ['shared.js'] },
    'index.css': { type: 'asset' },
  };
  expect(initialChunks(bundle).sort()).toEqual(['index.js', 'react.js', 'shared.js']);
});
