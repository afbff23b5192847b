import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { kosMember } from '../livestreams/livestreams-fixture.js';
import { orgWithKos } from './links-fixture.js';

/** A KOS member's own links (docs/portal.md "Own links"): `{productId, title?}` → the product's url. */
describe.each(DIALECTS)('links a KOS member makes for themselves on %s', (dialect) => {
  const t = useTestApp(dialect);

  async function setUp() {
    const { org, kosId } = await orgWithKos(t, 'OWN');
    const other = (
      await t.call(org.apiKey, 'POST', '/api/v1/kos', {
        code: `OTHER${kosId
          .slice(-4)
          .toUpperCase()
          .replace(/[^A-Z0-9]/g, 'X')}`,
        handle: `other-${org.slug}`,
        name: 'Minh',
        relationship: 'agent',
      })
    ).json().id as string;
    const product = async (sku: string, url?: string) =>
      (await t.call(org.apiKey, 'POST', '/api/v1/products', { sku, name: `Product ${sku}`, priceMinor: 100_000, url })).json();
    const withUrl = await product('SERUM1', 'https://shop.example/serum?ref=kos');
    const withoutUrl = await product('CREAM1');
    const member = await kosMember(t, org.apiKey, kosId);
    return { org, kosId, other, withUrl, withoutUrl, member };
  }

  test('the destination is the product’s url; the slug is generated; the link is theirs and counts for onboarding', async () => {
    const { kosId, withUrl, member } = await setUp();
    expect(withUrl.url).toBe('https://shop.example/serum?ref=kos');
    // They pick from the catalogue, read-only.
    const catalogue = await member('GET', '/api/v1/products?q=serum');
    expect(catalogue.statusCode).toBe(200);
    expect(catalogue.json().items.map((p: { id: string }) => p.id)).toEqual([withUrl.id]);

    const res = await member('POST', '/api/v1/links', { productId: withUrl.id, title: 'My serum' });
    expect(res.statusCode).toBe(201);
    const link = res.json();
    expect(link).toMatchObject({
      kosId,
      productId: withUrl.id,
      destinationUrl: 'https://shop.example/serum?ref=kos',
      title: 'My serum',
      campaign: null,
      disabled: false,
      expiresAt: null,
    });
    expect(link.shortUrl).toBe(`http://localhost:8080/${link.slug}`);
    // Naming their own KOS is the same; the QR of the new link is theirs to fetch.
    const again = await member('POST', '/api/v1/links', { kosId, productId: withUrl.id });
    expect(again.statusCode).toBe(201);
    expect(again.json().slug).not.toBe(link.slug);
    const qr = await member('GET', `/api/v1/links/${link.id}/qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect((await member('GET', '/api/v1/links')).json().items).toHaveLength(2);
    const onboarding = (await member('GET', `/api/v1/kos/${kosId}/onboarding`)).json();
    expect(JSON.stringify(onboarding)).toContain('firstLink');
  });

  test('422 for a product without a url, an unknown product, and each field the product decides', async () => {
    const { withUrl, withoutUrl, member } = await setUp();
    const noUrl = await member('POST', '/api/v1/links', { productId: withoutUrl.id });
    expect(noUrl.statusCode).toBe(422);
    expect(noUrl.json()).toMatchObject({ key: 'link.product.no_url', params: { sku: 'CREAM1' } });
    expect(noUrl.json().errors.map((e: { path: string }) => e.path)).toEqual(['productId']);

    const unknown = await member('POST', '/api/v1/links', { productId: 'nope' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().key).toBe('product.reference.unknown');

    const missing = await member('POST', '/api/v1/links', { title: 'x' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(['productId']);

    const fixed = await member('POST', '/api/v1/links', {
      productId: withUrl.id,
      destinationUrl: 'https://evil.example/',
      slug: 'my-own-slug',
      campaign: 'x',
      disabled: true,
      expiresAt: '2030-01-01T00:00:00Z',
    });
    expect(fixed.statusCode).toBe(422);
    const errors = fixed.json().errors as { path: string; key: string }[];
    expect(errors.map((e) => e.path).sort()).toEqual(['campaign', 'destinationUrl', 'disabled', 'expiresAt', 'slug']);
    expect(new Set(errors.map((e) => e.key))).toEqual(new Set(['link.own.fixed']));
    expect((await member('GET', '/api/v1/links')).json().items).toEqual([]);
    expect((await member('POST', '/api/v1/links', [1, 2])).statusCode).toBe(422);
  });

  test('never for another KOS, nor with the staff body; staff still send a full link', async () => {
    const { org, other, withUrl, member } = await setUp();
    const forOther = await member('POST', '/api/v1/links', { kosId: other, productId: withUrl.id });
    expect(forOther.statusCode).toBe(403);
    const staffBody = await member('POST', '/api/v1/links', { kosId: other, destinationUrl: 'https://e.com/' });
    expect(staffBody.statusCode).toBe(422);
    expect((await t.call(org.apiKey, 'GET', `/api/v1/links?kosId=${other}`)).json().items).toEqual([]);

    // The catalogue is read-only for them.
    expect((await member('POST', '/api/v1/products', { sku: 'X1', name: 'x', priceMinor: 1 })).statusCode).toBe(403);
    expect((await member('PATCH', `/api/v1/products/${withUrl.id}`, { url: 'https://evil.example/' })).statusCode).toBe(403);

    // Staff: the product body is not enough (kosId and destinationUrl are required).
    const staff = await t.call(org.apiKey, 'POST', '/api/v1/links', { productId: withUrl.id });
    expect(staff.statusCode).toBe(422);
    expect(
      staff
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['destinationUrl', 'kosId']);
    // A product's url can be changed and cleared by an admin.
    const cleared = await t.call(org.apiKey, 'PATCH', `/api/v1/products/${withUrl.id}`, { url: null });
    expect(cleared.json().url).toBeNull();
    expect((await t.call(org.apiKey, 'PATCH', `/api/v1/products/${withUrl.id}`, { url: 'javascript:alert(1)' })).statusCode).toBe(
      422,
    );
  });
});
