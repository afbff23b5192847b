import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { BOT, orgWithKos, PHONE } from './links-fixture.js';

describe.each(DIALECTS)('links and redirects on %s', (dialect) => {
  const t = useTestApp(dialect);
  const setup = () => orgWithKos(t, 'LINK');
  const visit = (slug: string, ua = PHONE, ip = '203.0.113.7', method: 'GET' | 'HEAD' = 'GET') =>
    t.app.inject({
      method,
      url: `/${slug}`,
      remoteAddress: ip,
      headers: { 'user-agent': ua, referer: 'https://www.tiktok.com/@lan' },
    });

  test('create fills defaults; the redirect substitutes tokens and stamps a 12-character click id', async () => {
    const { org, kosId, code } = await setup();
    const res = await t.call(org.apiKey, 'POST', '/api/v1/links', {
      kosId,
      destinationUrl: 'https://shopee.vn/product/1?sub_id={click_id}&k={kos_code}&s={slug}',
    });
    expect(res.statusCode).toBe(201);
    const link = res.json();
    expect(link).toMatchObject({ kosId, disabled: false, productId: null, clickCount: 0, uniqueClickCount: 0 });
    expect(link.slug).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{7}$/);
    expect(link.shortUrl).toBe(`http://localhost:8080/${link.slug}`);
    const hit = await visit(link.slug);
    expect(hit.statusCode).toBe(302);
    expect(hit.headers['cache-control']).toBe('private, no-store');
    const location = new URL(hit.headers.location as string);
    expect(location.searchParams.get('sub_id')).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(location.searchParams.get('k')).toBe(code);
    expect(location.searchParams.get('s')).toBe(link.slug);
  });

  test('HEAD redirects without counting; bots and repeats are flagged; counts come from the click store', async () => {
    const { org, kosId } = await setup();
    const link = (
      await t.call(org.apiKey, 'POST', '/api/v1/links', {
        kosId,
        destinationUrl: 'https://example.com/?c={click_id}',
        slug: `cnt-${org.slug}`,
      })
    ).json();
    expect((await visit(link.slug, PHONE, '198.51.100.1', 'HEAD')).statusCode).toBe(302);
    await visit(link.slug, PHONE, '198.51.100.1');
    await visit(link.slug, PHONE, '198.51.100.1'); // a repeat within the hour
    await visit(link.slug, PHONE, '198.51.100.2');
    await visit(link.slug, BOT, '66.249.66.1');
    await t.app.background.flushClicks();
    const counted = (await t.call(org.apiKey, 'GET', `/api/v1/links/${link.id}`)).json();
    expect(counted.clickCount).toBe(3);
    expect(counted.uniqueClickCount).toBe(2);
    const rows = await t.db.database.db
      .selectFrom('clicks')
      .selectAll()
      .where('link_id', '=', link.id)
      .orderBy('clicked_at')
      .execute();
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => [r.is_bot, r.is_unique, r.device])).toEqual(
      expect.arrayContaining([
        [0, 1, 'mobile'],
        [0, 0, 'mobile'],
        [1, 0, 'bot'],
      ]),
    );
    expect(rows.every((r) => r.referrer_host === 'www.tiktok.com' && r.kos_id === kosId)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('198.51.100.1');
  });

  test('unknown slug 404, disabled 410 at once after the update, expired 410 — as small HTML pages', async () => {
    const { org, kosId } = await setup();
    const missing = await visit('no-such-link');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('text/html');
    const link = (
      await t.call(org.apiKey, 'POST', '/api/v1/links', {
        kosId,
        destinationUrl: 'https://example.com/',
        slug: `gone-${org.slug}`,
      })
    ).json();
    expect((await visit(link.slug)).statusCode).toBe(302);
    await t.call(org.apiKey, 'PATCH', `/api/v1/links/${link.id}`, { disabled: true });
    const gone = await visit(link.slug);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('Liên kết đã hết hạn');
    await t.call(org.apiKey, 'PATCH', `/api/v1/links/${link.id}`, { disabled: false, expiresAt: '2020-01-01T00:00:00+07:00' });
    expect((await visit(link.slug)).statusCode).toBe(410);
    await t.call(org.apiKey, 'PATCH', `/api/v1/links/${link.id}`, { expiresAt: null, destinationUrl: 'https://example.org/new' });
    const moved = await visit(link.slug);
    expect(moved.headers.location).toBe('https://example.org/new');
  });

  test('slugs: reserved and malformed 422, taken 409 (across orgs), destination must be http(s)', async () => {
    const { org, kosId } = await setup();
    const other = await setup();
    const create = (body: object, key = org.apiKey) =>
      t.call(key, 'POST', '/api/v1/links', { kosId, destinationUrl: 'https://example.com/', ...body });
    for (const slug of ['api', 'App', 'health', 'ab', 'has space', 'x'.repeat(65)]) {
      const res = await create({ slug });
      expect(res.statusCode, slug).toBe(422);
      expect(res.json().errors[0].path).toBe('slug');
    }
    expect((await create({ destinationUrl: 'javascript:alert(1)' })).json().errors[0].path).toBe('destinationUrl');
    expect((await create({ slug: `taken-${org.slug}` })).statusCode).toBe(201);
    const taken = await t.call(other.org.apiKey, 'POST', '/api/v1/links', {
      kosId: other.kosId,
      destinationUrl: 'https://e.com/',
      slug: `taken-${org.slug}`,
    });
    expect(taken.statusCode).toBe(409);
    expect((await create({}, other.org.apiKey)).statusCode).toBe(404);
  });

  test('QR code is an SVG of the short URL; other orgs get 404', async () => {
    const { org, kosId } = await setup();
    const other = await setup();
    const link = (await t.call(org.apiKey, 'POST', '/api/v1/links', { kosId, destinationUrl: 'https://example.com/' })).json();
    const qr = await t.call(org.apiKey, 'GET', `/api/v1/links/${link.id}/qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect((await t.call(other.org.apiKey, 'GET', `/api/v1/links/${link.id}/qr.svg`)).statusCode).toBe(404);
  });
});
