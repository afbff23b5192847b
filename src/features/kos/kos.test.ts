import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';

describe.each(DIALECTS)('KOS roster on %s', (dialect) => {
  const t = useTestApp(dialect);
  const lan = { code: 'lan01', handle: 'lan.beauty', name: 'Lan Nguyễn', relationship: 'independent' };

  test('create answers 201 with defaults, code upper-cased', async () => {
    const org = await t.newOrg();
    const res = await t.call(org.apiKey, 'POST', '/api/v1/kos', lan);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'LAN01',
      handle: 'lan.beauty',
      status: 'candidate',
      unitId: null,
      tier: null,
      categories: [],
      voucherCodes: [],
      taxProfile: { hasLabourContract3m: false, commitment08: false, taxCode: null },
    });
  });

  test('401 without credentials, 404 for another org, 409 duplicate code and handle', async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    const created = (await t.call(a.apiKey, 'POST', '/api/v1/kos', { ...lan, code: 'AAA1', handle: 'aaa1' })).json();
    expect((await t.call(null, 'GET', '/api/v1/kos')).statusCode).toBe(401);
    expect((await t.call(b.apiKey, 'GET', `/api/v1/kos/${created.id}`)).statusCode).toBe(404);
    expect((await t.call(b.apiKey, 'PATCH', `/api/v1/kos/${created.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await t.call(b.apiKey, 'GET', '/api/v1/kos')).json().items).toEqual([]);
    const dupCode = await t.call(a.apiKey, 'POST', '/api/v1/kos', { ...lan, code: 'aaa1', handle: 'other1' });
    expect(dupCode.statusCode).toBe(409);
    expect(dupCode.json().errors[0].path).toBe('code');
    const dupHandle = await t.call(b.apiKey, 'POST', '/api/v1/kos', { ...lan, code: 'BBB1', handle: 'aaa1' });
    expect(dupHandle.statusCode).toBe(409);
    expect(dupHandle.headers['content-type']).toContain('application/problem+json');
  });

  test('422 names each invalid field', async () => {
    const org = await t.newOrg();
    const res = await t.call(org.apiKey, 'POST', '/api/v1/kos', {
      code: 'a!',
      handle: 'X',
      relationship: 'boss',
      taxProfile: { commitment08: 'yes' },
    });
    expect(res.statusCode).toBe(422);
    const paths = res
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['code', 'handle', 'name', 'relationship', 'taxProfile.commitment08']);
  });

  test('pagination walks the whole roster with URL-safe cursors', async () => {
    const org = await t.newOrg();
    for (let i = 0; i < 7; i++) {
      await t.call(org.apiKey, 'POST', '/api/v1/kos', { ...lan, code: `PAGE${i}`, handle: `page-${org.slug}-${i}` });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { code: string }[]; nextCursor: string | null } = (
        await t.call(org.apiKey, 'GET', `/api/v1/kos?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((k: { code: string }) => k.code));
      cursor = page.nextCursor;
      if (cursor) expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    } while (cursor);
    expect(seen).toEqual(['PAGE0', 'PAGE1', 'PAGE2', 'PAGE3', 'PAGE4', 'PAGE5', 'PAGE6']);
  });
});
