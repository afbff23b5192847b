import { describe, expect, test } from 'vitest';
import { inputProblems } from './input-problems.js';
import { MAX_JSON_DEPTH } from './json-depth.js';

const NUL = 'must not contain NUL characters';
const LONE = 'must not contain unpaired surrogates (malformed Unicode)';
// Each problem also carries its key (docs/errors.md).
const nul = { key: 'field.nul', params: {} };
const lone = { key: 'field.lone_surrogate', params: {} };

describe('inputProblems', () => {
  test.each([
    ['clean values', { name: 'Lan 💄', tags: ['a', 'b'], n: 1, ok: true, none: null }, []],
    ['a bare string at the root', 'a\u0000b', [{ path: 'body', message: NUL, ...nul }]],
    ['nested paths are dotted', { a: { b: ['x', 'y\u0000'] } }, [{ path: 'a.b.1', message: NUL, ...nul }]],
    ['a key', { 'k\u0000': 1 }, [{ path: 'body', message: `keys ${NUL}`, key: 'field.key_nul', params: {} }]],
    ['a lone high surrogate', { name: 'a\uD800' }, [{ path: 'name', message: LONE, ...lone }]],
    ['a lone low surrogate', ['\uDC00x'], [{ path: '0', message: LONE, ...lone }]],
    ['a surrogate pair is fine', { name: '\uD83D\uDE00' }, []],
    ['a Buffer kept raw is not walked', Buffer.from('a\u0000b'), []],
  ])('%s', (_name, value, errors) => {
    expect(inputProblems(value, 'body')).toEqual(errors);
  });

  test("Fastify's params and query objects (a class over a null prototype) are walked", () => {
    class NullObject {
      [key: string]: unknown;
    }
    Object.setPrototypeOf(NullObject.prototype, null);
    const params = new NullObject();
    params.id = '\u0000';
    expect(inputProblems(params, 'params')).toEqual([{ path: 'id', message: NUL, ...nul }]);
  });

  test('problems are listed in document order, at most ten', () => {
    const errors = inputProblems({ a: '\u0000', b: ['\u0000', 'ok', '\uD800'] }, 'body');
    expect(errors.map((e) => e.path)).toEqual(['a', 'b.0', 'b.2']);
    expect(inputProblems(Array(50).fill('\u0000'), 'body')).toHaveLength(10);
  });

  test(`nesting deeper than ${MAX_JSON_DEPTH} → one error at the root; 200 000 levels walk without recursion`, () => {
    const nest = (depth: number) => {
      let value: unknown = [];
      for (let i = 1; i < depth; i++) value = [value];
      return value;
    };
    expect(inputProblems(nest(MAX_JSON_DEPTH), 'body')).toEqual([]);
    const deep = [
      {
        path: 'body',
        message: `is nested deeper than ${MAX_JSON_DEPTH} levels`,
        key: 'field.too_deep',
        params: { maxDepth: MAX_JSON_DEPTH },
      },
    ];
    expect(inputProblems(nest(MAX_JSON_DEPTH + 1), 'body')).toEqual(deep);
    expect(inputProblems(nest(200_000), 'body')).toEqual(deep);
  });
});
