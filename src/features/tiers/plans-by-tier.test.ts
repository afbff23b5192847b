import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { seedSampleOrg } from '../../../test/support/samples.js';
import { signedWebhookRequest } from '../../../test/support/webhook-signing.js';

const SECRET = 'plans-by-tier-secret-0123';
const line = (orderId: string, over: object = {}) => ({
  platform: 'website',
  orderId,
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

interface Entry {
  id: string;
  kind: string;
  amountMinor: number;
  status: string;
  planId: string | null;
  lineId: string | null;
}

/**
 * Plans by tier (docs/tiers.md "Plans by tier"): a pending sale entry is re-rated with the KOS's current
 * tier when its line changes; approved and paid entries never move because the tier changed.
 */
describe.each(DIALECTS)('plans that apply to tiers on %s', (dialect) => {
  const t = useTestApp(dialect);

  test('a tier change alone moves nothing; a changed line is re-rated at the current tier; approved stays', async () => {
    const o = await seedSampleOrg(t, `pbt-${dialect}`);
    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => t.call(o.apiKey, method, url, body);
    await call('PATCH', '/api/v1/org', { webhookSecret: SECRET });
    const base = (await call('POST', '/api/v1/plans', { name: 'Default', validFrom: '2026-01-01', rateBps: 1000 })).json();
    const tierS = await call('POST', '/api/v1/plans', {
      name: 'Tier S',
      validFrom: '2026-01-01',
      rateBps: 2000,
      appliesTo: { tiers: ['S'] },
    });
    expect(tierS.statusCode, tierS.body).toBe(201);
    // The same body is pushed again on purpose: each push needs a timestamp of its own (else a replay, 409).
    const push = async (lines: object[]) => {
      const res = await t.app.inject(signedWebhookRequest(o.apiKey, SECRET, { lines }, 'unique'));
      expect(res.statusCode, res.body).toBe(201);
    };
    const entries = async (): Promise<Entry[]> =>
      (await call('GET', '/api/v1/ledger?limit=500')).json().items.filter((e: Entry) => e.kind !== 'tier_adjustment');
    const brief = async () =>
      (await entries()).map((e) => `${e.kind} ${e.amountMinor} ${e.status} ${e.planId === base.id ? 'default' : 'S'}`).sort();

    // One line completed and paid out (approved), one still pending; LAN01 has no tier: the default 10 %.
    await push([line('APPROVED-1'), line('PENDING-1', { status: 'pending', completedTime: undefined })]);
    const close = await call('POST', '/api/v1/payouts/close', { period: '2026-10' });
    expect(close.statusCode, close.body).toBe(201);
    const payout = close.json().payouts[0];
    expect((await call('POST', `/api/v1/payouts/${payout.id}/approve`)).statusCode).toBe(200);
    expect(await brief()).toEqual(['sale 200000 approved default', 'sale 200000 pending default']);

    // The tier moves to S (by hand, then by a recompute that finds the same): no entry moves.
    expect((await call('PATCH', `/api/v1/kos/${o.kos.LAN01}`, { tier: 'S', tierLocked: true })).statusCode).toBe(200);
    await call('POST', '/api/v1/tiers/recompute', {});
    expect(await brief()).toEqual(['sale 200000 approved default', 'sale 200000 pending default']);
    // The same approved line delivered again unchanged: still nothing.
    await push([line('APPROVED-1')]);
    expect(await brief()).toEqual(['sale 200000 approved default', 'sale 200000 pending default']);

    // The pending line changes: re-rated with the current tier's plan (20 % of 2 100 000).
    await push([line('PENDING-1', { status: 'pending', completedTime: undefined, netMinor: 2_100_000 })]);
    expect(await brief()).toEqual(['sale 200000 approved default', 'sale 420000 pending S']);

    // Paid stays paid at its rate, whatever the tier.
    expect((await call('POST', `/api/v1/payouts/${payout.id}/mark-paid`, { reference: 'VCB-1' })).statusCode).toBe(200);
    expect((await call('PATCH', `/api/v1/kos/${o.kos.LAN01}`, { tier: 'C' })).statusCode).toBe(200);
    await push([line('APPROVED-1')]);
    expect(await brief()).toEqual(['sale 200000 paid default', 'sale 420000 pending S']);
  });
});
