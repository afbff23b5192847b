import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { createTestDatabase, DIALECTS } from '../../../test/support/database.js';
import { migrateTo, migrateToLatest } from '../../db/migrate.js';
import { redirectFront } from '../../http/redirect-front.js';
import { newId } from '../../lib/ids.js';
import { createOrg } from '../orgs/orgs.service.js';
import { orgWithKos, PHONE } from './links-fixture.js';
import type { Redirector } from './redirect.js';

const VIETNAMESE = 'https://shop.example.vn/sữa-rửa-mặt?x={click_id}&k={kos_code}';

describe.each(DIALECTS)('link destinations on %s', (dialect) => {
  const t = useTestApp(dialect);
  const setup = () => orgWithKos(t, 'DEST');

  test('a non-ASCII destination is stored normalised, tokens kept, and redirects with a valid Location', async () => {
    const { org, kosId } = await setup();
    const res = await t.call(org.apiKey, 'POST', '/api/v1/links', { kosId, destinationUrl: VIETNAMESE });
    expect(res.statusCode).toBe(201);
    const link = res.json();
    expect(link.destinationUrl).toBe('https://shop.example.vn/s%E1%BB%AFa-r%E1%BB%ADa-m%E1%BA%B7t?x={click_id}&k={kos_code}');
    const hit = await t.app.inject({ method: 'GET', url: `/${link.slug}`, headers: { 'user-agent': PHONE } });
    expect(hit.statusCode).toBe(302);
    expect(hit.headers.location).toMatch(
      /^https:\/\/shop\.example\.vn\/s%E1%BB%AFa-r%E1%BB%ADa-m%E1%BA%B7t\?x=[A-Za-z0-9]{12}&k=DEST/,
    );
  });

  test('tokens in the path survive normalisation; an IDN host becomes punycode', async () => {
    const { org, kosId } = await setup();
    const res = await t.call(org.apiKey, 'POST', '/api/v1/links', {
      kosId,
      destinationUrl: 'https://mỹphẩm.vn/{slug}/p/{kos_code}',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().destinationUrl).toMatch(/^https:\/\/xn--[a-z0-9-]+\.vn\/\{slug\}\/p\/\{kos_code\}$/);
  });

  test.each([
    ['CR LF', 'https://shop.example.vn/a\r\nSet-Cookie: x=1'],
    ['a lone LF', 'https://shop.example.vn/a\nb'],
    ['NUL', 'https://shop.example.vn/a\u0000b'],
    ['a tab', 'https://shop.example.vn/\ta'],
  ])('a destination with %s is refused with 422 at destinationUrl (create and edit)', async (_name, destinationUrl) => {
    const { org, kosId } = await setup();
    const created = await t.call(org.apiKey, 'POST', '/api/v1/links', { kosId, destinationUrl });
    expect(created.statusCode).toBe(422);
    expect(created.json().errors[0]).toMatchObject({
      path: 'destinationUrl',
      message: expect.stringMatching(/control characters|NUL/),
    });
    const good = (
      await t.call(org.apiKey, 'POST', '/api/v1/links', { kosId, destinationUrl: 'https://shop.example.vn/' })
    ).json();
    const patched = await t.call(org.apiKey, 'PATCH', `/api/v1/links/${good.id}`, { destinationUrl });
    expect(patched.statusCode).toBe(422);
  });

  test('a stored destination that is not a valid header value answers a 500 page through the front door; the process lives on', async () => {
    const { org, kosId } = await setup();
    const bad = (await t.call(org.apiKey, 'POST', '/api/v1/links', { kosId, destinationUrl: 'https://shop.example.vn/' })).json();
    const good = (
      await t.call(org.apiKey, 'POST', '/api/v1/links', { kosId, destinationUrl: 'https://shop.example.vn/ok' })
    ).json();
    // A row written before destinations were normalised (or by hand): raw Vietnamese and a CR LF.
    await t.db.database.db
      .updateTable('links')
      .set({ destination_url: 'https://shop.example.vn/sữa\r\nX: 1?x={click_id}' })
      .where('id', '=', bad.id)
      .execute();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const broken = await fetch(`${base}/${bad.slug}`, {
      redirect: 'manual',
      headers: { 'user-agent': PHONE, 'accept-language': 'en' },
    });
    expect(broken.status).toBe(500);
    expect(await broken.text()).toContain('Link unavailable');
    const fine = await fetch(`${base}/${good.slug}`, { redirect: 'manual', headers: { 'user-agent': PHONE } });
    expect(fine.status).toBe(302);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    await t.app.background.flushClicks();
    const clicks = await t.db.database.db.selectFrom('clicks').select('link_id').where('org_id', '=', org.orgId).execute();
    expect(clicks.map((c) => c.link_id)).toEqual([good.id]);
  });

  test('migration 0006 rewrites existing destinations to their normalised form', async () => {
    const legacy = await legacyDatabase(dialect);
    try {
      const { org } = await createOrg(legacy.database.db, {
        name: 'Old',
        slug: `old-${dialect}`,
        adminEmail: `old-${dialect}@example.com`,
        adminPassword: 'a long password',
      });
      // The KOS row as schema 0005 stores it (today's createKos also writes tables of later migrations).
      const kos = { id: newId() };
      await legacy.database.db
        .insertInto('kos')
        .values({
          id: kos.id,
          org_id: org.id,
          code: 'OLD1',
          handle: `old-${dialect}`,
          name: 'Old',
          relationship: 'independent',
          unit_id: null,
          status: 'active',
          tier: null,
          categories: '[]',
          voucher_codes: '[]',
          tax_has_labour_contract_3m: 0,
          tax_commitment_08: 0,
          tax_code: null,
          bio: null,
          avatar_url: null,
          contacts: '{}',
          created_at: 1,
          updated_at: 1,
        })
        .execute();
      const id = newId();
      await legacy.database.db
        .insertInto('links')
        .values({
          id,
          org_id: org.id,
          kos_id: kos.id,
          product_id: null,
          slug: `old-${dialect}-link`,
          destination_url: VIETNAMESE,
          campaign: null,
          title: null,
          disabled: 0,
          expires_at: null,
          created_at: 1,
          updated_at: 1,
        })
        .execute();
      await migrateToLatest(legacy.database.db);
      const row = await legacy.database.db
        .selectFrom('links')
        .select('destination_url')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.destination_url).toBe('https://shop.example.vn/s%E1%BB%AFa-r%E1%BB%ADa-m%E1%BA%B7t?x={click_id}&k={kos_code}');
    } finally {
      await legacy.drop();
    }
  });
});

/** A database rolled back to 0005 (before destinations were normalised), as an old install had it. */
async function legacyDatabase(dialect: (typeof DIALECTS)[number]) {
  const test = await createTestDatabase(dialect);
  await migrateTo(test.database.db, '0005-ledger');
  return test;
}

describe('the front door survives any failure of an answer', () => {
  test('a throwing redirector or an invalid Location header answers 500 and the server keeps serving', async () => {
    const errors: unknown[] = [];
    const redirector = {
      answer: (slug: string) => {
        if (slug === 'throws') throw new Error('boom');
        return { status: 302, location: 'https://shop.example.vn/sữa' };
      },
    } as unknown as Redirector;
    const next = (_req: IncomingMessage, res: ServerResponse) => res.end('next');
    const server = createServer(
      redirectFront(redirector, next, { trustProxy: { kind: 'none' }, onError: (e) => errors.push(e) }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      expect((await fetch(`${base}/throws`, { redirect: 'manual' })).status).toBe(500);
      expect((await fetch(`${base}/invalid-header`, { redirect: 'manual' })).status).toBe(500);
      expect(await (await fetch(`${base}/api/x`)).text()).toBe('next');
      expect(errors).toHaveLength(2);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe.each(DIALECTS)('forwarded addresses on %s', (dialect) => {
  const t = useTestApp(dialect);
  const visits = async (app: typeof t.app, slug: string, remoteAddress: string) => {
    for (let i = 1; i <= 30; i++) {
      await app.inject({
        method: 'GET',
        url: `/${slug}`,
        remoteAddress,
        headers: { 'user-agent': PHONE, 'x-forwarded-for': `203.0.113.${i}` },
      });
    }
    await app.background.flushClicks();
  };

  test('X-Forwarded-For is ignored unless KOS_TRUST_PROXY trusts the sender: 30 forged addresses make one unique click', async () => {
    const org = await t.newOrg();
    const kos = await t.call(org.apiKey, 'POST', '/api/v1/kos', {
      code: 'XFF1',
      handle: `xff-${org.slug}`,
      name: 'X',
      relationship: 'agent',
    });
    const link = (
      await t.call(org.apiKey, 'POST', '/api/v1/links', { kosId: kos.json().id, destinationUrl: 'https://x.vn/' })
    ).json();
    await visits(t.app, link.slug, '198.51.100.50');
    const counted = (await t.call(org.apiKey, 'GET', `/api/v1/links/${link.id}`)).json();
    expect([counted.clickCount, counted.uniqueClickCount]).toEqual([30, 1]);

    const { buildApp } = await import('../../app.js');
    const { testConfig } = await import('../../../test/support/app.js');
    const { parseTrustProxy } = await import('../../lib/client-address.js');
    const trustProxy = parseTrustProxy('198.51.100.0/24') as Exclude<ReturnType<typeof parseTrustProxy>, { error: string }>;
    const behindProxy = await buildApp({ config: testConfig(t.db.url, { trustProxy }), database: t.db.database });
    try {
      const other = (
        await t.call(org.apiKey, 'POST', '/api/v1/links', { kosId: kos.json().id, destinationUrl: 'https://x.vn/2' })
      ).json();
      await visits(behindProxy, other.slug, '198.51.100.50'); // from the trusted proxy: 30 visitors
      const third = (
        await t.call(org.apiKey, 'POST', '/api/v1/links', { kosId: kos.json().id, destinationUrl: 'https://x.vn/3' })
      ).json();
      await visits(behindProxy, third.slug, '192.0.2.77'); // not from the proxy: one visitor
      const a = (await t.call(org.apiKey, 'GET', `/api/v1/links/${other.id}`)).json();
      const b = (await t.call(org.apiKey, 'GET', `/api/v1/links/${third.id}`)).json();
      expect([a.uniqueClickCount, b.uniqueClickCount]).toEqual([30, 1]);
    } finally {
      await behindProxy.close();
    }
  });
});
