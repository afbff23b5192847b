import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';

const EVIL = `"><script>alert('x')</script><img src=x onerror=alert(1)>`;

describe.each(DIALECTS)('bio pages on %s', (dialect) => {
  const t = useTestApp(dialect);

  const seed = async (handle: string) => {
    const org = await t.newOrg();
    const kos = (
      await t.call(org.apiKey, 'POST', '/api/v1/kos', {
        code: handle
          .replace(/[^a-z0-9]/g, '')
          .toUpperCase()
          .slice(0, 12),
        handle,
        name: `Lan ${EVIL}`,
        relationship: 'independent',
        status: 'active',
        bio: `Chuyên skincare ${EVIL}`,
        avatarUrl: 'https://cdn.example.com/lan.jpg?a=1&b="2"',
        contacts: { zalo: '0901234567', phone: '+84 90 123 4567', email: 'lan@example.com' },
      })
    ).json();
    const product = (
      await t.call(org.apiKey, 'POST', '/api/v1/products', { sku: 'SRM50', name: 'Serum Hoa Sen', priceMinor: 1234568 })
    ).json();
    const link = (body: object) =>
      t.call(org.apiKey, 'POST', '/api/v1/links', {
        kosId: kos.id,
        destinationUrl: 'https://shop.example.vn/p?s={click_id}',
        ...body,
      });
    const titled = (await link({ title: `Mua ngay ${EVIL}` })).json();
    const withProduct = (await link({ productId: product.id })).json();
    const plain = (await link({})).json();
    const disabled = (await link({ title: 'ĐÃ TẮT', disabled: true })).json();
    const expired = (await link({ title: 'HẾT HẠN', expiresAt: '2021-01-01T00:00:00Z' })).json();
    return { org, kos, titled, withProduct, plain, disabled, expired };
  };

  test('lists every live link through its short URL, labelled and priced, with contacts and OG tags', async () => {
    const s = await seed('lan.bio-a');
    const res = await t.call(null, 'GET', '/@lan.bio-a');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(Buffer.byteLength(html)).toBeLessThan(30 * 1024);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain(EVIL);
    expect(html).toContain('&#60;script&#62;');
    for (const link of [s.titled, s.withProduct, s.plain]) expect(html).toContain(`href="${link.shortUrl}"`);
    expect(html).not.toContain(s.disabled.shortUrl);
    expect(html).not.toContain(s.expired.shortUrl);
    expect(html).toContain('Serum Hoa Sen');
    expect(html).toContain('1.234.568 ₫');
    expect(html).toContain('shop.example.vn');
    expect(html.indexOf(s.titled.shortUrl)).toBeLessThan(html.indexOf('Liên hệ'));
    expect(html).toContain('href="https://zalo.me/0901234567"');
    expect(html).toContain('href="tel:+84901234567"');
    expect(html).toContain('href="mailto:lan@example.com"');
    expect(html).toMatch(/<meta property="og:title" content="Lan &#34;&#62;/);
    expect(html).toContain('<meta property="og:url" content="http://localhost:8080/@lan.bio-a">');
    expect(html).toContain('og:image');
    expect(html).toContain('<html lang="vi">');
  });

  test('?lang= switches the language; prices follow the currency', async () => {
    await seed('lan.bio-b');
    const zh = (await t.call(null, 'GET', '/@lan.bio-b?lang=zh-CN')).body;
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('推荐商品');
    const en = (await t.call(null, 'GET', '/@lan.bio-b?lang=en')).body;
    expect(en).toContain('Shop my picks');
  });

  test('only active and onboarding KOS have a page; every other status answers the unknown-handle 404', async () => {
    const s = await seed('lan.bio-c');
    const unknown = await t.call(null, 'GET', '/@nobody.here');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('text/html');
    for (const [status, code] of [
      ['candidate', 404],
      ['onboarding', 200],
      ['paused', 404],
      ['offboarded', 404],
      ['active', 200],
    ] as const) {
      expect((await t.call(s.org.apiKey, 'PATCH', `/api/v1/kos/${s.kos.id}`, { status })).statusCode).toBe(200);
      const res = await t.call(null, 'GET', '/@lan.bio-c');
      expect(res.statusCode, status).toBe(code);
      if (code === 200) continue;
      // Byte for byte the page of a handle nobody has, so the status does not leak; no contact either.
      expect(res.body, status).toBe(unknown.body);
      expect(res.headers['cache-control'], status).toBe(unknown.headers['cache-control']);
      expect(res.body).not.toContain('0901234567');
    }
  });
});
