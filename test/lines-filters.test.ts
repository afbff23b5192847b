import { describe, expect, test } from 'vitest';
import { useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { sample, seedSampleOrg, uploadReport } from './support/samples.js';
import { signedWebhookRequest } from './support/webhook-signing.js';

const SECRET = 'lines-filters-secret-0123';

describe.each(DIALECTS)('order line filters on %s', (dialect) => {
  const t = useTestApp(dialect);

  test('unitId, platform, source and sku narrow the list like the dashboard’s filters (the console links them here)', async () => {
    const o = await seedSampleOrg(t, `lf-${dialect}`);
    const unit = (await t.call(o.apiKey, 'POST', '/api/v1/units', { name: 'Miền Nam', kind: 'region' })).json();
    expect((await t.call(o.apiKey, 'PATCH', `/api/v1/kos/${o.kos.LAN01}`, { unitId: unit.id })).statusCode).toBe(200);
    expect((await t.call(o.apiKey, 'PATCH', '/api/v1/org', { webhookSecret: SECRET })).statusCode).toBe(200);
    expect((await uploadReport(t, o.apiKey, 'shopee', sample('shopee_vi.csv'), 'shopee_vi.csv')).statusCode).toBe(201);
    const line = (orderId: string, kosCode: string | null) => ({
      platform: 'website',
      orderId,
      status: 'completed',
      orderTime: '2026-11-02T10:00:00+07:00',
      quantity: 1,
      grossMinor: 100_000,
      netMinor: 100_000,
      currency: 'VND',
      sku: orderId === 'WEB-2' ? 'SEN-50ML' : 'OTHER',
      ...(kosCode ? { kosCode } : {}),
    });
    const pushed = await t.app.inject(
      signedWebhookRequest(
        o.apiKey,
        SECRET,
        { lines: [line('WEB-1', 'LAN01'), line('WEB-2', 'MINH02'), line('WEB-3', null)] },
        'unique',
      ),
    );
    expect(pushed.statusCode, pushed.body).toBe(201);

    const list = async (query: string) =>
      (await t.call(o.apiKey, 'GET', `/api/v1/lines?limit=500&${query}`)).json().items as {
        orderId: string;
        platform: string;
        source: string;
        kosId: string | null;
      }[];
    const all = await list('');
    expect(all.length).toBeGreaterThan(3);
    const web = await list('source=webhook');
    expect(web.map((l) => l.orderId).sort()).toEqual(['WEB-1', 'WEB-2', 'WEB-3']);
    expect((await list('platform=website')).every((l) => l.platform === 'website')).toBe(true);
    expect((await list('platform=shopee')).every((l) => l.platform === 'shopee' && l.source === 'shopee')).toBe(true);
    const inUnit = await list(`unitId=${unit.id}`);
    expect(inUnit.length).toBeGreaterThan(0);
    expect(inUnit.every((l) => l.kosId === o.kos.LAN01)).toBe(true);
    expect((await list(`unitId=${unit.id}&source=webhook`)).map((l) => l.orderId)).toEqual(['WEB-1']);
    expect((await list('source=webhook&sku=SEN-50ML')).map((l) => l.orderId)).toEqual(['WEB-2']);
    expect(await list('sku=NO-SUCH-SKU')).toEqual([]);
    expect((await t.call(o.apiKey, 'GET', '/api/v1/lines?platform=amazon')).statusCode).toBe(422);
  });
});
