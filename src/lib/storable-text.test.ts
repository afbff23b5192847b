import { describe, expect, test } from 'vitest';
import { hasLoneSurrogate, hasNul, storableMessage, toStorableText, unstorableReason } from './storable-text.js';

describe('storable text', () => {
  test.each([
    ['plain Vietnamese', 'Sữa rửa mặt', false, false],
    ['an emoji (a surrogate pair)', 'Lan 💄', false, false],
    ['a NUL', 'a\u0000b', true, false],
    ['a lone high surrogate at the end', 'ab\uD83D', false, true],
    ['a lone low surrogate at the start', '\uDE00ab', false, true],
    ['a reversed pair', '\uDE00\uD83D', false, true],
  ])('%s', (_name, text, nul, lone) => {
    expect(hasNul(text)).toBe(nul);
    expect(hasLoneSurrogate(text)).toBe(lone);
    expect(unstorableReason(text) === null).toBe(!nul && !lone);
  });

  test('toStorableText drops NULs, replaces lone surrogates, keeps pairs and returns clean text as is', () => {
    expect(toStorableText('\u0000Se\u0000rum\u0000\u0000')).toBe('Serum');
    expect(toStorableText('a\uD800b\uDC00c 💄')).toBe('a\uFFFDb\uFFFDc 💄');
    const clean = 'Kem chống nắng';
    expect(toStorableText(clean)).toBe(clean);
  });

  test('storableMessage shows a quoted NUL instead of dropping it', () => {
    expect(storableMessage(`Unexpected token '\u0000'`)).toBe("Unexpected token '\\u0000'");
  });
});
