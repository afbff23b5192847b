import { describe, expect, test } from 'vitest';
import { useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { type SampleOrg, seedSampleOrg } from './support/samples.js';
import { signedWebhookRequest } from './support/webhook-signing.js';

const SECRET = 'ledger-flow-secret-0123';
const line = (over: object) => ({
  platform: 'website',
  orderId: 'L-1',
  status: 'completed',
  orderTime: '2026-10-01T10:00:00+07:00',
  completedTime: '2026-10-02T10:00:00+07:00',
  quantity: 1,
  grossMinor: 2_000_000,
  netMinor: 2_000_000,
  currency: 'VND',
  kosCode: 'LAN01',
  ...over,
});

describe.each(DIALECTS)('commission flow on %s', (dialect) => {
  const t = useTestApp(dialect);
  let n = 0;
  const setup = async (): Promise<SampleOrg> => {
    const o = await seedSampleOrg(t, `lf-${dialect}-${++n}`);
    await t.call(o.apiKey, 'PATCH', '/api/v1/org', { webhookSecret: SECRET });
    const plan = await t.call(o.apiKey, 'POST', '/api/v1/plans', { name: 'Default', validFrom: '2026-01-01', rateBps: 1000 });
    expect(plan.statusCode, plan.body).toBe(201);
    return o;
  };
  const push = (o: SampleOrg, lines: object[]) => t.app.inject(signedWebhookRequest(o.apiKey, SECRET, { lines }, 'unique'));
  const ledger = async (o: SampleOrg, q = '') => (await t.call(o.apiKey, 'GET', `/api/v1/ledger?limit=500${q}`)).json().items;

  test('a completed line books a pending sale entry that follows it; a close pays it once, with tax withheld', async () => {
    const o = await setup();
    await push(o, [line({ status: 'pending', completedTime: undefined })]);
    let [sale] = await ledger(o);
    expect(sale).toMatchObject({ kind: 'sale', amountMinor: 200_000, status: 'pending', eligibleAt: null, kosId: o.kos.LAN01 });
    await push(o, [line({ netMinor: 2_500_000 })]);
    [sale] = await ledger(o);
    expect(sale).toMatchObject({ amountMinor: 250_000, eligibleAt: '2026-10-17T03:00:00.000Z' });
    const future = await t.call(o.apiKey, 'POST', '/api/v1/payouts/close', { period: '2099-01' });
    expect(future.statusCode).toBe(409);
    const close = await t.call(o.apiKey, 'POST', '/api/v1/payouts/close', { period: '2026-10' });
    expect(close.statusCode).toBe(201);
    expect(close.json().payouts).toHaveLength(1);
    // 250 000 ₫ is under the 2 000 000 ₫ threshold: nothing withheld.
    expect(close.json().payouts[0]).toMatchObject({
      kosId: o.kos.LAN01,
      grossMinor: 250_000,
      withheldMinor: 0,
      netMinor: 250_000,
      status: 'draft',
      entryIds: [sale.id],
    });
    const again = await t.call(o.apiKey, 'POST', '/api/v1/payouts/close', { period: '2026-10' });
    expect(again.statusCode).toBe(200);
    expect(again.json().payouts).toEqual(close.json().payouts);
    const id = close.json().payouts[0].id;
    expect((await t.call(o.apiKey, 'POST', `/api/v1/payouts/${id}/mark-paid`, { reference: 'VCB-1' })).statusCode).toBe(409);
    expect((await t.call(o.apiKey, 'POST', `/api/v1/payouts/${id}/approve`)).json().status).toBe('approved');
    expect((await t.call(o.apiKey, 'POST', `/api/v1/payouts/${id}/mark-paid`, { reference: 'VCB-1' })).json()).toMatchObject({
      status: 'paid',
      reference: 'VCB-1',
    });
    expect((await ledger(o))[0].status).toBe('paid');
    const statement = await t.call(o.apiKey, 'GET', `/api/v1/payouts/${id}/statement`);
    expect(statement.headers['content-type']).toContain('text/html');
    expect(statement.body).toContain('website L-1');
    expect(statement.body).toContain('250.000 ₫');
    expect(statement.body).toContain('VCB-1');
    // Money follows its currency, not the language: an English statement writes VND the Vietnamese way.
    const english = await t.call(o.apiKey, 'GET', `/api/v1/payouts/${id}/statement?lang=en`);
    expect(english.body).toContain('250.000 ₫');
    expect(english.body).not.toContain('₫250,000');
    // A refund after payment books a clawback for the next period; the paid entry never changes.
    await push(o, [line({ netMinor: 2_500_000, refundMinor: 1_000_000 })]);
    const entries = await ledger(o);
    expect(entries.map((e: { kind: string; amountMinor: number; status: string }) => [e.kind, e.amountMinor, e.status])).toEqual([
      ['sale', 250_000, 'paid'],
      ['clawback', -100_000, 'pending'],
    ]);
    const csv = (await t.call(o.apiKey, 'GET', '/api/v1/payouts/export.csv?period=2026-10')).body;
    expect(csv.trim().split('\n')).toEqual([
      'kosCode,name,taxCode,grossMinor,withheldMinor,netMinor,currency,status,reference',
      'LAN01,Lan,,250000,0,250000,VND,paid,VCB-1',
    ]);
  });

  test('cancelled before approval voids the pending entry; withholding applies at the threshold; employees are not withheld', async () => {
    const o = await setup();
    await push(o, [
      line({ orderId: 'C-1', netMinor: 20_000_000 }),
      line({ orderId: 'C-2', status: 'pending', completedTime: undefined }),
      line({ orderId: 'C-3', kosCode: 'HOA03', netMinor: 30_000_000 }),
    ]);
    await push(o, [line({ orderId: 'C-2', status: 'cancelled', completedTime: undefined })]);
    const entries = await ledger(o);
    expect(entries.find((e: { lineId: string; status: string }) => e.status === 'void')).toBeDefined();
    const close = (await t.call(o.apiKey, 'POST', '/api/v1/payouts/close', { period: '2026-10' })).json();
    const byKos = Object.fromEntries(close.payouts.map((p: { kosId: string }) => [p.kosId, p]));
    expect(byKos[o.kos.LAN01]).toMatchObject({ grossMinor: 2_000_000, withheldMinor: 200_000, netMinor: 1_800_000 });
    expect(byKos[o.kos.HOA03]).toMatchObject({ grossMinor: 3_000_000, withheldMinor: 0, netMinor: 3_000_000 });
  });
});
