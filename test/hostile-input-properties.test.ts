import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';

/** Hostile text: any UTF-16 (NUL, lone surrogates), CRLF and control runs, long values, near-valid ones. */
const hostile: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    // Ordinary text with one NUL or lone surrogate inside: valid for zod, so it reaches the database.
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.constantFrom('\u0000', '\uD800', '\uDFFF'),
        fc.string({ maxLength: 12 }),
      )
      .map(([head, bad, tail]) => `${head}${bad}${tail}`),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom('\u0000', 'a\u0000b', '\uD800', 'x\uDFFFy', '\r\n', 'line\r\nbreak', '\t', ' ', '', 'Đã hủy 💄'),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', '\u0000', '\uD800', '\r\n', 'ữ'), fc.integer({ min: 9_990, max: 10_010 }))
      .map(([c, n]) => c.repeat(n)),
  },
);

const FIELDS = ['name', 'handle', 'code', 'bio', 'categories', 'contacts.zalo', 'contacts.messenger', 'contacts.key'] as const;

/**
 * One to three KOS fields set to hostile text, the rest left valid: a value that passes zod (a name,
 * a bio, a category, a Zalo contact) then reaches the database, where NUL used to fail PostgreSQL.
 */
const edits = fc.array(fc.tuple(fc.constantFrom(...FIELDS), hostile), { minLength: 1, maxLength: 3 }).map((pairs) => {
  const body: Record<string, unknown> = {};
  const contacts: Record<string, string> = {};
  for (const [field, value] of pairs) {
    if (field === 'categories') body.categories = ['Beauty', value];
    else if (field === 'contacts.key') contacts[value] = 'x';
    else if (field.startsWith('contacts.')) contacts[field.slice('contacts.'.length)] = value;
    else body[field] = value;
  }
  return Object.keys(contacts).length ? { ...body, contacts } : body;
});

describe.each(DIALECTS)('hostile text in KOS fields on %s', (dialect) => {
  const t = useTestApp(dialect);

  test('POST and PATCH /api/v1/kos never answer 5xx, and the app still answers /health', async () => {
    const org = await t.newOrg();
    const base = { code: 'PROP1', handle: `prop-${dialect}`, name: 'Prop', relationship: 'independent' };
    const target = (await t.call(org.apiKey, 'POST', '/api/v1/kos', base)).json();
    await fc.assert(
      fc.asyncProperty(edits, fc.nat(), async (body, n) => {
        const fresh = { ...base, code: `P${String(n % 1_000_000).padStart(6, '0')}`, handle: `p-${n}` };
        const created = await t.call(org.apiKey, 'POST', '/api/v1/kos', { ...fresh, ...body });
        expect(created.statusCode, created.body).toBeLessThan(500);
        // What is stored reads back as sent (trimmed): no database alters text the other would keep.
        if (created.statusCode === 201 && typeof body.name === 'string') {
          const stored = await t.call(org.apiKey, 'GET', `/api/v1/kos/${created.json().id}`);
          expect(stored.json().name).toBe(body.name.trim());
        }
        const patched = await t.call(org.apiKey, 'PATCH', `/api/v1/kos/${target.id}`, body);
        expect(patched.statusCode, patched.body).toBeLessThan(500);
        const read = await t.call(org.apiKey, 'GET', `/api/v1/kos/${target.id}`);
        expect(read.statusCode, read.body).toBe(200);
      }),
      { numRuns: 300 },
    );
    expect((await t.call(null, 'GET', '/health')).statusCode).toBe(200);
    expect((await t.call(org.apiKey, 'GET', '/api/v1/kos?limit=100')).statusCode).toBe(200);
  });
});
