import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { StagedFileWriter, stagedFileLines } from './staged-file.js';

const dir = mkdtempSync(join(tmpdir(), 'kos-staged-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const roundTrip = (name: string, texts: string[]): string[] => {
  const path = join(dir, name);
  const writer = new StagedFileWriter(path);
  for (const text of texts) writer.line(text);
  writer.close();
  return [...stagedFileLines(path)];
};

describe('the staged file', () => {
  test.each<[string, string[]]>([
    ['no line', []],
    ['one empty line', ['']],
    ['short lines across many pieces', Array.from({ length: 20_000 }, (_, i) => `["row",${i}]`)],
    ['Vietnamese, CJK and emoji across piece edges', Array.from({ length: 5_000 }, (_, i) => `Đèn bàn ${i} 台灯 🪔`)],
    ['a line of 200 000 characters between short ones', ['a', 'ư'.repeat(200_000), 'b', 'c'.repeat(40_000), 'd']],
  ])('gives back %s as written', (name, texts) => {
    expect(roundTrip(name.replace(/\W+/g, '-'), texts)).toEqual(texts);
  });
});
