import { describe, expect, test } from 'vitest';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth.js';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('jsonDepthExceeds', () => {
  test.each([
    ['a scalar is depth 0', '"x"', 0, false],
    ['[] is depth 1', '[]', 0, true],
    ['[] within 1', '[]', 1, false],
    ['objects count like arrays', '{"a":{"b":[1]}}', 2, true],
    ['siblings do not add up', '[[],[],{"a":1}]', 2, false],
    ['brackets inside a string do not count', '["[[[[{{{{"]', 1, false],
    ['an escaped quote does not end the string', '["\\"[[[["]', 1, false],
    ['an escaped backslash does end it', '["\\\\",[[1]]]', 2, true],
  ])('%s', (_name, json, limit, exceeds) => {
    expect(jsonDepthExceeds(json, limit)).toBe(exceeds);
    expect(jsonDepthExceeds(Buffer.from(json), limit)).toBe(exceeds);
  });

  test(`the default limit is ${MAX_JSON_DEPTH} levels: exactly that reads, one more does not`, () => {
    expect(jsonDepthExceeds(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonDepthExceeds(nested(MAX_JSON_DEPTH + 1))).toBe(true);
  });

  test('200 000 levels, as text or bytes: answered without recursion', () => {
    expect(jsonDepthExceeds(nested(200_000))).toBe(true);
    expect(jsonDepthExceeds(Buffer.from(nested(200_000)))).toBe(true);
  });

  test('multi-byte UTF-8 inside strings is skipped byte by byte', () => {
    expect(jsonDepthExceeds(Buffer.from('[{"tên":"Sữa rửa mặt 💄 [["}]'), 2)).toBe(false);
  });
});
