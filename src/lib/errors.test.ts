import { describe, expect, test } from 'vitest';
import { type FieldError, invalidFields } from './errors.js';

describe('invalidFields', () => {
  test.each<[string, FieldError[], string]>([
    ['no field errors', [], 'invalid input'],
    ['one field', [{ path: 'name', message: 'Required' }], 'name: Required'],
    ['a pathless error', [{ path: '', message: 'body must be an object' }], 'body must be an object'],
    [
      'several fields: the first, and how many more',
      [
        { path: 'name', message: 'Required' },
        { path: 'faqs.0.q', message: 'Too long' },
        { path: 'url', message: 'Invalid URL' },
      ],
      'name: Required (and 2 more)',
    ],
  ])('%s', (_edge, errors, detail) => {
    const error = invalidFields(errors);
    expect(error).toMatchObject({ code: 'invalid', message: detail, errors });
  });
});
