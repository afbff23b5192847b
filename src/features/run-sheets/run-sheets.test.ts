import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { newId } from '../../lib/ids.js';
import { createSession, kosMember, livestreamFixture, paths, roleKey, sessionBody } from '../livestreams/livestreams-fixture.js';

const DAY = 86_400_000;

describe.each(DIALECTS)('run-sheets API on %s', (dialect) => {
  const t = useTestApp(dialect);

  async function setup(locale: 'vi' | 'zh-CN' | 'en' = 'vi') {
    const f = await livestreamFixture(t, { locale });
    const created = await t.call(f.org.apiKey, 'POST', '/api/v1/products', {
      sku: 'MASK10',
      name: 'Mặt nạ',
      priceMinor: 120_000,
      stock: 10,
      usp: 'Dưỡng ẩm 24h',
      faqs: [{ q: 'Da dầu dùng được không?', a: 'Được.' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const p3 = created.json().id as string;
    return { f, p3 };
  }

  /** A line of the org straight in the table (the importer is not under test here). */
  async function line(orgId: string, sku: string, netMinor: number, orderTime: number, status = 'completed') {
    const now = Date.now();
    await t.db.database.db
      .insertInto('order_lines')
      .values({
        id: newId(),
        org_id: orgId,
        source: 'shopee',
        order_id: newId(),
        line_key: sku,
        platform: 'shopee',
        status,
        raw_status: status,
        order_time: orderTime,
        completed_time: null,
        sku,
        product_name: sku,
        category: null,
        quantity: 1,
        gross_minor: netMinor,
        net_minor: netMinor,
        refund_minor: 0,
        platform_commission_minor: null,
        currency: 'VND',
        sub_ids: '{}',
        creator: null,
        voucher: null,
        content_type: null,
        new_buyer: null,
        kos_id: null,
        attribution: 'unattributed',
        link_id: null,
        click_id: null,
        session_id: null,
        import_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  test('the first read drafts: best sellers first, equal minutes, USP, FAQs, flash offer, stock warning', async () => {
    const { f, p3 } = await setup();
    const now = Date.now();
    await line(f.org.orgId, 'KEM30', 500_000, now - 2 * DAY);
    await line(f.org.orgId, 'SRM50', 9_000_000, now - 40 * DAY); // before the 30 days
    await line(f.org.orgId, 'SRM50', 9_000_000, now - 2 * DAY, 'cancelled'); // not net sales
    const session = await createSession(
      t,
      f.org.apiKey,
      sessionBody(f, {
        scheduledEnd: '2099-11-25T21:00:00+07:00',
        productIds: [f.p1, f.p2, p3],
        flashOffers: [
          {
            productId: p3,
            priceMinor: 99_000,
            quantityLimit: 20,
            startsAt: '2099-11-25T20:45:30+07:00',
            endsAt: '2099-11-25T20:50:00+07:00',
          },
        ],
      }),
    );
    const res = await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams/${session.id}/run-sheet`);
    expect(res.statusCode, res.body).toBe(200);
    const segments = res.json().segments;
    expect(segments.map((s: { productId: string }) => s.productId)).toEqual([f.p2, f.p1, p3]);
    expect(segments.map((s: { startMinute: number; durationMinutes: number }) => [s.startMinute, s.durationMinutes])).toEqual([
      [0, 20],
      [20, 20],
      [40, 20],
    ]);
    expect(segments[2]).toEqual({
      position: 3,
      productId: p3,
      startMinute: 40,
      durationMinutes: 20,
      talkingPoints: 'Dưỡng ẩm 24h',
      faqs: [{ q: 'Da dầu dùng được không?', a: 'Được.' }],
      flashOffer: { priceMinor: 99_000, quantity: 20, startMinute: 45, endMinute: 50 },
      stockWarning: true,
    });
    expect(segments[0]).toMatchObject({ talkingPoints: '', faqs: [], flashOffer: null, stockWarning: false });

    // stored: new sales do not reorder it; the stock warning follows the current stock
    await line(f.org.orgId, 'MASK10', 99_000_000, now - DAY);
    expect((await t.call(f.org.apiKey, 'PATCH', `/api/v1/products/${p3}`, { stock: 20 })).statusCode).toBe(200);
    const again = (await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams/${session.id}/run-sheet`)).json();
    expect(again.segments.map((s: { productId: string }) => s.productId)).toEqual([f.p2, f.p1, p3]);
    expect(again.segments[2].stockWarning).toBe(false);
    await t.call(f.org.apiKey, 'PATCH', `/api/v1/products/${f.p2}`, { stock: 0 });
    const third = (await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams/${session.id}/run-sheet`)).json();
    expect(third.segments.map((s: { stockWarning: boolean }) => s.stockWarning)).toEqual([true, false, false]);
  });

  test('two first reads at once store one sheet', async () => {
    const { f, p3 } = await setup();
    const session = await createSession(t, f.org.apiKey, sessionBody(f, { productIds: [f.p1, f.p2, p3] }));
    const url = `/api/v1/livestreams/${session.id}/run-sheet`;
    const [a, b] = await Promise.all([t.call(f.org.apiKey, 'GET', url), t.call(f.org.apiKey, 'GET', url)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json()).toEqual(b.json());
    const rows = await t.db.database.db
      .selectFrom('run_sheets')
      .select('session_id')
      .where('session_id', '=', session.id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  test('PUT replaces the segments; bad fields are named segments.N.field', async () => {
    const { f, p3 } = await setup();
    const session = await createSession(t, f.org.apiKey, sessionBody(f, { productIds: [f.p1, f.p2] }));
    const url = `/api/v1/livestreams/${session.id}/run-sheet`;
    const seg = (position: number, productId: string, startMinute: number, durationMinutes: number) => ({
      position,
      productId,
      startMinute,
      durationMinutes,
      talkingPoints: `Nói về ${position}`,
      faqs: [],
    });
    const put = await t.call(f.org.apiKey, 'PUT', url, { segments: [seg(2, f.p1, 90, 30), seg(1, f.p2, 0, 90)] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().segments.map((s: { productId: string; position: number }) => [s.position, s.productId])).toEqual([
      [1, f.p2],
      [2, f.p1],
    ]);
    const read = (await t.call(f.org.apiKey, 'GET', url)).json();
    expect(
      read.segments.map((s: { durationMinutes: number; talkingPoints: string }) => [s.durationMinutes, s.talkingPoints]),
    ).toEqual([
      [90, 'Nói về 1'],
      [30, 'Nói về 2'],
    ]);
    const bad = await t.call(f.org.apiKey, 'PUT', url, {
      segments: [seg(1, f.p1, 0, 30), seg(3, p3, 100, 30), seg(2, f.p2, -1, 10)],
    });
    expect(bad.statusCode).toBe(422);
    expect(paths(bad)).toEqual(['segments.2.startMinute']);
    const bad2 = await t.call(f.org.apiKey, 'PUT', url, { segments: [seg(1, f.p1, 0, 30), seg(3, p3, 100, 30)] });
    expect(bad2.statusCode).toBe(422);
    expect(paths(bad2)).toEqual(['segments.1.durationMinutes', 'segments.1.position', 'segments.1.productId']);
    expect(bad2.json().errors.find((e: { path: string }) => e.path === 'segments.1.productId').key).toBe(
      'run_sheet.product.not_in_session',
    );
    expect((await t.call(f.org.apiKey, 'GET', url)).json().segments).toHaveLength(2);
    expect((await t.call(f.org.apiKey, 'PUT', url, { segments: [] })).json().segments).toEqual([]);
  });

  test('access: editors in scope write; viewers and the own KOS read; others 403, other orgs 404', async () => {
    const { f } = await setup();
    const sN = await createSession(t, f.org.apiKey, sessionBody(f, { productIds: [f.p1] }));
    const sS = await createSession(t, f.org.apiKey, sessionBody(f, { kosId: f.kosS, accountId: f.accS, productIds: [f.p2] }));
    const viewer = await roleKey(t, f.org.apiKey, 'viewer');
    const manager = await roleKey(t, f.org.apiKey, 'manager', f.north);
    const me = await kosMember(t, f.org.apiKey, f.kosN);
    const body = { segments: [{ position: 1, productId: f.p1, startMinute: 0, durationMinutes: 60 }] };
    const u = (id: string, tail = '') => `/api/v1/livestreams/${id}/run-sheet${tail}`;
    expect((await t.call(viewer, 'GET', u(sN.id))).statusCode).toBe(200);
    expect((await t.call(viewer, 'GET', u(sN.id, '.html'))).statusCode).toBe(200);
    expect((await t.call(viewer, 'PUT', u(sN.id), body)).statusCode).toBe(403);
    expect((await me('GET', u(sN.id))).statusCode).toBe(200);
    expect((await me('GET', u(sN.id, '.html'))).statusCode).toBe(200);
    expect((await me('PUT', u(sN.id), body)).statusCode).toBe(403);
    expect((await me('GET', u(sS.id))).statusCode).toBe(403);
    expect((await t.call(manager, 'PUT', u(sN.id), body)).statusCode).toBe(200);
    expect((await t.call(manager, 'GET', u(sS.id))).statusCode).toBe(403);
    expect((await t.call(manager, 'PUT', u(sS.id), { segments: [] })).statusCode).toBe(403);
    expect((await t.call(null, 'GET', u(sN.id))).statusCode).toBe(401);
    const other = await livestreamFixture(t);
    for (const [method, url] of [
      ['GET', u(sN.id)],
      ['PUT', u(sN.id)],
      ['GET', u(sN.id, '.html')],
      ['GET', u('nosuchsession')],
    ] as const)
      expect((await t.call(other.org.apiKey, method, url, method === 'PUT' ? body : undefined)).statusCode, url).toBe(404);
  });

  test('run-sheet.html: escaped, one page per hour, the language of ?lang= else the org locale', async () => {
    const { f } = await setup('en');
    const evil = await t.call(f.org.apiKey, 'POST', '/api/v1/products', {
      sku: 'EVIL1',
      name: '<script>alert("x")</script>',
      priceMinor: 1000,
      usp: '<img src=x onerror=alert(1)>',
    });
    const session = await createSession(
      t,
      f.org.apiKey,
      sessionBody(f, { scheduledEnd: '2099-11-25T22:30:00+07:00', productIds: [f.p1, f.p2, evil.json().id] }),
    );
    const res = await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams/${session.id}/run-sheet.html`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'"); // no script may run
    expect(res.body).not.toContain('<script>');
    expect(res.body).not.toContain('<img');
    expect(res.body).toContain('&#60;script&#62;');
    expect(res.body.split('<section class="page">')).toHaveLength(4); // 150 min → 3 pages
    expect(res.body).toContain('Livestream run-sheet');
    const zh = await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams/${session.id}/run-sheet.html?lang=zh-CN`);
    expect(zh.body).toContain('直播脚本');
    expect(zh.body).toContain('<html lang="zh-CN">');
    const vi = await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams/${session.id}/run-sheet.html?lang=vi`);
    expect(vi.body).toContain('Kịch bản livestream');
    expect((await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams/${session.id}/run-sheet.html?lang=fr`)).statusCode).toBe(422);
    // the 50/50/50 split puts one segment on each page
    const sheet = (await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams/${session.id}/run-sheet`)).json();
    expect(sheet.segments.map((s: { startMinute: number }) => s.startMinute)).toEqual([0, 50, 100]);
  });
});
