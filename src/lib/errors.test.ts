import { describe, expect, test } from 'vitest';
import { type FieldError, invalidFields } from './errors.js';
import { problem } from './problems/problem.js';

describe('invalidFields', () => {
  test.each<[string, FieldError[], string]>([
    ['no field errors', [], 'invalid input'],
    ['one field', [{ path: 'name', message: 'Required', ...problem('field.required') }], 'name: Required'],
    [
      'a pathless error',
      [{ path: '', message: 'body must be an object', ...problem('field.invalid_type', { expected: 'object' }) }],
      'body must be an object',
    ],
    [
      'several fields: the first, and how many more',
      [
        { path: 'name', message: 'Required', ...problem('field.required') },
        { path: 'faqs.0.q', message: 'Too long', ...problem('field.too_long', { maximum: 200 }) },
        { path: 'url', message: 'Invalid URL', ...problem('field.url') },
      ],
      'name: Required (and 2 more)',
    ],
  ])('%s', (_edge, errors, detail) => {
    const error = invalidFields(errors);
    expect(error).toMatchObject({ code: 'invalid', message: detail, errors });
  });
});
