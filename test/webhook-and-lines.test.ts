import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { type SampleOrg, seedSampleOrg, uploadReport } from './support/samples.js';

const SECRET = 'whsec-0123456789abcdef';
const line = (over: object = {}) => ({
  platform: 'website',
  orderId: 'WH-1',
  status: 'pending',
  orderTime: '2026-11-02T10:00:00+07:00',
  quantity: 1,
  grossMinor: 159000,
  netMinor: 159000,
  currency: 'VND',
  kosCode: 'lan01',
  ...over,
});

describe.each(DIALECTS)('webhook, manual attribution and file errors on %s', (dialect) => {
  const t = useTestApp(dialect);
  let n = 0;
  const org = async (): Promise<SampleOrg> => {
    const o = await seedSampleOrg(t, `wh-${dialect}-${++n}`);
    await t.call(o.apiKey, 'PATCH', '/api/v1/org', { webhookSecret: SECRET });
    return o;
  };
  const push = (o: SampleOrg, body: object, secret: string | null = SECRET) => {
    const raw = JSON.stringify(body);
    const signature = secret ? `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}` : undefined;
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/orders',
      headers: {
        authorization: `Bearer ${o.apiKey}`,
        'content-type': 'application/json',
        ...(signature ? { 'x-kos-signature': signature } : {}),
      },
      payload: raw,
    });
  };
  const lines = async (o: SampleOrg) => (await t.call(o.apiKey, 'GET', '/api/v1/lines')).json().items;

  test('a signed push stores lines with source webhook; replaying it changes nothing', async () => {
    const o = await org();
    const body = {
      lines: [line(), line({ orderId: 'WH-2', kosCode: undefined, voucher: 'lan10' }), line({ orderId: 'WH-3', quantity: 0 })],
    };
    const first = await push(o, body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      source: 'webhook',
      rows: 3,
      inserted: 2,
      rejected: 1,
      errors: [{ row: 3, field: 'quantity' }],
    });
    const stored = await lines(o);
    expect(
      stored.map((l: { source: string; kosCode: string; attribution: string }) => [l.source, l.kosCode, l.attribution]),
    ).toEqual([
      ['webhook', 'LAN01', 'code'],
      ['webhook', 'LAN01', 'voucher'],
    ]);
    const replay = await push(o, body);
    expect(replay.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
  });

  test.each([
    ['unsigned', null],
    ['signed with the wrong secret', 'not-the-secret-at-all'],
  ])('%s → 401 and nothing stored', async (_name, secret) => {
    const o = await org();
    const res = await push(o, { lines: [line()] }, secret);
    expect(res.statusCode).toBe(401);
    expect(await lines(o)).toEqual([]);
  });

  test('a body tampered after signing → 401', async () => {
    const o = await org();
    const raw = JSON.stringify({ lines: [line()] });
    const signature = `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/orders',
      headers: { authorization: `Bearer ${o.apiKey}`, 'content-type': 'application/json', 'x-kos-signature': signature },
      payload: raw.replace('159000', '1'),
    });
    expect(res.statusCode).toBe(401);
  });

  test('manual assignment sticks: a later import never overrides it; history records it', async () => {
    const o = await org();
    await push(o, { lines: [line({ orderId: 'WH-9', kosCode: undefined })] });
    const [unassigned] = await lines(o);
    expect(unassigned.attribution).toBe('none');
    const patched = await t.call(o.apiKey, 'PATCH', `/api/v1/lines/${unassigned.id}`, { kosId: o.kos.MINH02 });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ kosCode: 'MINH02', attribution: 'manual' });
    await push(o, { lines: [line({ orderId: 'WH-9', kosCode: 'LAN01', status: 'completed' })] });
    const [after] = await lines(o);
    expect(after).toMatchObject({ kosCode: 'MINH02', attribution: 'manual', status: 'completed' });
    const detail = (await t.call(o.apiKey, 'GET', `/api/v1/lines/${after.id}`)).json();
    expect(detail.history.length).toBeGreaterThanOrEqual(3);
    const other = await seedSampleOrg(t, `wh-other-${dialect}-${n}`);
    expect((await t.call(other.apiKey, 'PATCH', `/api/v1/lines/${after.id}`, { kosId: other.kos.LAN01 })).statusCode).toBe(404);
    expect((await t.call(o.apiKey, 'PATCH', `/api/v1/lines/${after.id}`, { kosId: other.kos.LAN01 })).statusCode).toBe(404);
  });

  test('an unattributed line is attributed by a later import that finds a match (counts as updated)', async () => {
    const o = await org();
    await push(o, { lines: [line({ orderId: 'WH-20', kosCode: 'NOBODY1' })] });
    await t.call(o.apiKey, 'POST', '/api/v1/kos', {
      code: 'NOBODY1',
      handle: `nobody-${dialect}-${n}`,
      name: 'N',
      relationship: 'agent',
    });
    const again = await push(o, { lines: [line({ orderId: 'WH-20', kosCode: 'NOBODY1' })] });
    expect(again.json()).toMatchObject({ updated: 1, unchanged: 0 });
    expect((await lines(o))[0]).toMatchObject({ kosCode: 'NOBODY1', attribution: 'code' });
  });

  test('a file error answers 422 naming the problem and stores nothing, not even an import record', async () => {
    const o = await org();
    const semicolons = Buffer.from(
      'platform;orderId;status;orderTime;quantity;currency;grossMinor;netMinor\nwebsite;X1;pending;2026-11-01 10:00:00;1;VND;100;100\n',
    );
    const res = await uploadReport(t, o.apiKey, 'generic', semicolons, 'bad.csv');
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/missing required column/);
    const truncated = Buffer.from(
      'platform,orderId,status,orderTime,quantity,currency,grossMinor,netMinor\nwebsite,X1,pending,2026-11-01 10:00:00,1,VND,100,100\nwebsite,"X2,pending',
    );
    expect((await uploadReport(t, o.apiKey, 'generic', truncated, 'cut.csv')).statusCode).toBe(422);
    expect(await lines(o)).toEqual([]);
    expect((await t.call(o.apiKey, 'GET', '/api/v1/imports')).json().items).toEqual([]);
    const badSource = await uploadReport(t, o.apiKey, 'amazon', semicolons, 'x.csv');
    expect(badSource.statusCode).toBe(422);
    expect(badSource.json().errors[0].path).toBe('source');
  });

  test('imports need an owner or admin; another org cannot read an import', async () => {
    const o = await org();
    const viewer = (await t.call(o.apiKey, 'POST', '/api/v1/api-keys', { name: 'v', role: 'viewer' })).json().key;
    expect((await uploadReport(t, viewer, 'generic', Buffer.from('x'), 'x.csv')).statusCode).toBe(403);
    await push(o, { lines: [line()] });
    const [imported] = (await t.call(o.apiKey, 'GET', '/api/v1/imports')).json().items;
    expect((await t.call(o.apiKey, 'GET', `/api/v1/imports/${imported.id}`)).statusCode).toBe(200);
    const other = await org();
    expect((await t.call(other.apiKey, 'GET', `/api/v1/imports/${imported.id}`)).statusCode).toBe(404);
  });
});
