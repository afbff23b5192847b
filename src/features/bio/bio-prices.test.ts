import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { formatDateTime } from '../../lib/format.js';
import { formatSessionWhen } from '../livestreams/session-when.js';

describe.each(DIALECTS)('bio page prices on %s', (dialect) => {
  const t = useTestApp(dialect);

  /** A VND or CNY org with one KOS whose only link points at a product of `priceMinor`. */
  const seed = async (handle: string, currency: 'VND' | 'CNY', priceMinor: number) => {
    const org = await t.newOrg({ currency });
    const kos = (
      await t.call(org.apiKey, 'POST', '/api/v1/kos', {
        code: handle.replace(/[^a-z0-9]/g, '').toUpperCase(),
        handle,
        name: 'Lan',
        relationship: 'independent',
        status: 'active',
      })
    ).json();
    const product = (await t.call(org.apiKey, 'POST', '/api/v1/products', { sku: 'SRM50', name: 'Serum', priceMinor })).json();
    const link = await t.call(org.apiKey, 'POST', '/api/v1/links', {
      kosId: kos.id,
      productId: product.id,
      destinationUrl: 'https://shop.example.vn/p',
    });
    expect(link.statusCode).toBe(201);
  };
  const price = (html: string) => /<b>([^<]*)<\/b><\/a>/.exec(html)?.[1];

  test.each(['vi', 'zh-CN', 'en'])('VND reads 1.234.568 ₫ in %s', async (lang) => {
    await seed(`vnd.${lang.toLowerCase().replace('-', '')}`, 'VND', 1_234_568);
    const html = (await t.call(null, 'GET', `/@vnd.${lang.toLowerCase().replace('-', '')}?lang=${lang}`)).body;
    expect(html).toContain(`<html lang="${lang}">`);
    expect(price(html)).toBe('1.234.568 ₫');
  });

  test.each(['vi', 'zh-CN', 'en'])('CNY reads ¥1,234,567.50 in %s', async (lang) => {
    await seed(`cny.${lang.toLowerCase().replace('-', '')}`, 'CNY', 123_456_750);
    const html = (await t.call(null, 'GET', `/@cny.${lang.toLowerCase().replace('-', '')}?lang=${lang}`)).body;
    expect(price(html)).toBe('¥1,234,567.50');
  });
});

describe('bio page session times', () => {
  test.each(['vi', 'zh-CN', 'en'] as const)('read as the shared formatDateTime does (%s)', (locale) => {
    for (const ms of [Date.UTC(2026, 10, 24, 16, 59), Date.UTC(2026, 10, 24, 17, 0), Date.UTC(2027, 0, 5, 1, 30)]) {
      for (const zone of ['Asia/Ho_Chi_Minh', 'Asia/Shanghai']) {
        expect(formatSessionWhen(ms, zone, locale)).toBe(formatDateTime(ms, locale, zone));
      }
    }
  });
});
