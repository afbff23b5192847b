import { afterEach, describe, expect, test, vi } from 'vitest';
import { useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { type SampleOrg, seedSampleOrg } from './support/samples.js';
import { signedWebhookRequest } from './support/webhook-signing.js';

// Written on 2026-11-23 (Asia/Ho_Chi_Minh, +07:00): 2026-09 and 2026-10 have ended; the current month is computed.
const SECRET = 'payouts-rules-secret-0123';
const line = (orderId: string, over: object = {}) => ({
  platform: 'website',
  orderId,
  status: 'completed',
  orderTime: '2026-09-01T10:00:00+07:00',
  completedTime: '2026-09-01T12:00:00+07:00',
  quantity: 1,
  grossMinor: 2_000_000,
  netMinor: 2_000_000,
  currency: 'VND',
  kosCode: 'LAN01',
  ...over,
});
type Entry = {
  id: string;
  kind: string;
  amountMinor: number;
  status: string;
  eligibleAt: string | null;
  lineId: string | null;
  payoutId: string | null;
};
type Payout = { id: string; kosId: string; grossMinor: number; withheldMinor: number; netMinor: number; entryIds: string[] };

/** Runs `fn` with the clock at `iso` (only Date is faked: the app reads Date.now()). */
async function at<T>(iso: string, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

describe.each(DIALECTS)('payout rules on %s', (dialect) => {
  const t = useTestApp(dialect);
  afterEach(() => {
    vi.useRealTimers();
  });
  let n = 0;
  const setup = async (plan: object = {}): Promise<SampleOrg> => {
    const o = await seedSampleOrg(t, `pr-${dialect}-${++n}`);
    expect((await t.call(o.apiKey, 'PATCH', '/api/v1/org', { webhookSecret: SECRET })).statusCode).toBe(200);
    const res = await t.call(o.apiKey, 'POST', '/api/v1/plans', {
      name: 'Default',
      validFrom: '2026-01-01',
      rateBps: 1000,
      ...plan,
    });
    expect(res.statusCode, res.body).toBe(201);
    return o;
  };
  const push = async (o: SampleOrg, lines: object[]) => {
    const res = await t.app.inject(signedWebhookRequest(o.apiKey, SECRET, { lines }, 'unique'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().errors).toEqual([]);
  };
  const ledger = async (o: SampleOrg): Promise<Entry[]> =>
    (await t.call(o.apiKey, 'GET', '/api/v1/ledger?limit=500')).json().items;
  const close = async (o: SampleOrg, period: string, status = 201): Promise<Payout[]> => {
    const res = await t.call(o.apiKey, 'POST', '/api/v1/payouts/close', { period });
    expect(res.statusCode, res.body).toBe(status);
    return res.json().payouts;
  };
  const pay = async (o: SampleOrg, id: string) => {
    expect((await t.call(o.apiKey, 'POST', `/api/v1/payouts/${id}/approve`)).statusCode).toBe(200);
    expect((await t.call(o.apiKey, 'POST', `/api/v1/payouts/${id}/mark-paid`, { reference: `REF-${id}` })).statusCode).toBe(200);
  };
  const lineId = async (o: SampleOrg, orderId: string): Promise<string> =>
    (await t.call(o.apiKey, 'GET', '/api/v1/lines?limit=500'))
      .json()
      .items.find((l: { orderId: string }) => l.orderId === orderId).id;
  const saleOf = async (o: SampleOrg, orderId: string): Promise<Entry> => {
    const id = await lineId(o, orderId);
    return (await ledger(o)).find((e) => e.lineId === id && e.kind === 'sale' && e.status !== 'void') as Entry;
  };

  test('holding period: eligible exactly at the period end is not taken, one second earlier is', async () => {
    const o = await setup({ holdingDays: 15 });
    // 2026-10 ends at 2026-11-01T00:00+07:00 = 2026-10-31T17:00Z; completion + 15 days lands on it, or 1 s before.
    await push(o, [
      line('EDGE', { orderTime: '2026-10-10T10:00:00+07:00', completedTime: '2026-10-17T00:00:00+07:00' }),
      line('EARLY', { orderTime: '2026-10-10T10:00:00+07:00', completedTime: '2026-10-16T23:59:59+07:00' }),
    ]);
    const edge = await saleOf(o, 'EDGE');
    const early = await saleOf(o, 'EARLY');
    expect(edge).toMatchObject({ eligibleAt: '2026-10-31T17:00:00.000Z', amountMinor: 200_000 });
    expect(early).toMatchObject({ eligibleAt: '2026-10-31T16:59:59.000Z', amountMinor: 200_000 });
    const [payout, ...rest] = await close(o, '2026-10');
    expect(rest).toEqual([]);
    expect(payout).toMatchObject({ kosId: o.kos.LAN01, grossMinor: 200_000, entryIds: [early.id] });
    expect(await saleOf(o, 'EDGE')).toMatchObject({ status: 'pending', payoutId: null });
  });

  test('below minPayoutMinor: no payout, entries stay pending and a later month takes them', async () => {
    const o = await setup();
    expect((await t.call(o.apiKey, 'PATCH', '/api/v1/org', { minPayoutMinor: 300_000 })).json().minPayoutMinor).toBe(300_000);
    await push(o, [line('S1'), line('H1', { kosCode: 'HOA03', netMinor: 3_000_000 })]);
    const sept = await close(o, '2026-09');
    // HOA03 reaches the minimum exactly (not below): paid; LAN01's 200 000 ₫ waits.
    expect(sept.map((p) => [p.kosId, p.grossMinor])).toEqual([[o.kos.HOA03, 300_000]]);
    const s1 = await saleOf(o, 'S1');
    expect(s1).toMatchObject({ status: 'pending', payoutId: null });
    await push(o, [
      line('O1', { orderTime: '2026-10-01T10:00:00+07:00', completedTime: '2026-10-01T12:00:00+07:00', netMinor: 1_500_000 }),
    ]);
    const o1 = await saleOf(o, 'O1');
    const oct = await close(o, '2026-10');
    expect(oct).toHaveLength(1);
    expect(oct[0]).toMatchObject({ kosId: o.kos.LAN01, grossMinor: 350_000, withheldMinor: 0, netMinor: 350_000 });
    expect([...(oct[0] as Payout).entryIds].sort()).toEqual([s1.id, o1.id].sort());
  });

  test('refund after payment: the clawback is netted in the next period’s payout', async () => {
    const o = await setup();
    await push(o, [line('R1', { netMinor: 20_000_000 })]);
    const [sept] = await at('2026-10-05T10:00:00+07:00', () => close(o, '2026-09'));
    expect(sept).toMatchObject({ grossMinor: 2_000_000, withheldMinor: 200_000, netMinor: 1_800_000 });
    await pay(o, (sept as Payout).id);
    await at('2026-10-06T10:00:00+07:00', () => push(o, [line('R1', { netMinor: 20_000_000, refundMinor: 5_000_000 })]));
    await push(o, [
      line('R2', { orderTime: '2026-10-01T10:00:00+07:00', completedTime: '2026-10-01T12:00:00+07:00', netMinor: 10_000_000 }),
    ]);
    const claw = (await ledger(o)).find((e) => e.kind === 'clawback') as Entry;
    expect(claw).toMatchObject({ amountMinor: -500_000, status: 'pending', eligibleAt: '2026-10-06T03:00:00.000Z' });
    const [oct] = await close(o, '2026-10');
    expect(oct).toMatchObject({ grossMinor: 500_000, withheldMinor: 0, netMinor: 500_000 });
    expect(oct?.entryIds).toContain(claw.id);
    expect(await saleOf(o, 'R1')).toMatchObject({ amountMinor: 2_000_000, status: 'paid', payoutId: sept?.id });
  });

  test('a negative balance makes no payout and is carried into a later one', async () => {
    const o = await setup();
    await push(o, [line('N1', { netMinor: 5_000_000 })]);
    const [sept] = await at('2026-10-05T10:00:00+07:00', () => close(o, '2026-09'));
    await pay(o, (sept as Payout).id);
    await at('2026-10-10T10:00:00+07:00', () =>
      push(o, [
        line('N1', { status: 'returned', netMinor: 5_000_000 }),
        line('N2', { orderTime: '2026-10-02T10:00:00+07:00', completedTime: '2026-10-02T12:00:00+07:00' }),
      ]),
    );
    // October: −500 000 + 200 000 < 0 → nothing.
    expect(await close(o, '2026-10')).toEqual([]);
    expect((await ledger(o)).filter((e) => e.status === 'pending').map((e) => [e.kind, e.amountMinor])).toEqual([
      ['clawback', -500_000],
      ['sale', 200_000],
    ]);
    const nov = await at('2026-12-02T10:00:00+07:00', async () => {
      await push(o, [
        line('N3', { orderTime: '2026-11-01T10:00:00+07:00', completedTime: '2026-11-01T12:00:00+07:00', netMinor: 10_000_000 }),
      ]);
      return close(o, '2026-11');
    });
    expect(nov).toHaveLength(1);
    expect(nov[0]).toMatchObject({ grossMinor: 700_000, netMinor: 700_000 });
    expect(nov[0]?.entryIds).toHaveLength(3);
  });

  test('steps crossing a threshold add a tier_adjustment entry to the payout; override-rate sales do not count', async () => {
    const o = await setup({
      rateBps: 500,
      overrides: [{ sku: 'SRM50', rateBps: 1000 }],
      steps: [
        { fromMinor: 0, rateBps: 500 },
        { fromMinor: 50_000_000, rateBps: 700 },
      ],
    });
    await push(o, [
      line('T1', { netMinor: 30_000_000 }),
      line('T2', { netMinor: 20_000_000 }), // B = 50 000 000: exactly at the step
      line('T3', { netMinor: 10_000_000, sku: 'SRM50' }), // 1 000 000 ₫ at the override rate, outside B
      line('T4', { netMinor: 49_999_999, kosCode: 'MINH02' }), // one ₫ short of the step
    ]);
    const payouts = await close(o, '2026-09');
    const lan = payouts.find((p) => p.kosId === o.kos.LAN01) as Payout;
    const minh = payouts.find((p) => p.kosId === o.kos.MINH02) as Payout;
    const tier = (await ledger(o)).filter((e) => e.kind === 'tier_adjustment');
    expect(tier).toEqual([expect.objectContaining({ amountMinor: 1_000_000, status: 'approved', payoutId: lan.id })]);
    expect(lan).toMatchObject({ grossMinor: 1_500_000 + 1_000_000 + 1_000_000 + 1_000_000, withheldMinor: 450_000 });
    expect(lan.entryIds).toHaveLength(4);
    expect(lan.entryIds).toContain(tier[0]?.id);
    expect(minh).toMatchObject({ grossMinor: 2_500_000 });
    expect(minh.entryIds).toHaveLength(1);
  });

  test('a base already paid does not count again in a later month’s step base', async () => {
    const o = await setup({
      rateBps: 500,
      steps: [
        { fromMinor: 0, rateBps: 500 },
        { fromMinor: 50_000_000, rateBps: 700 },
      ],
    });
    await push(o, [line('D1', { netMinor: 30_000_000 })]);
    const [sept] = await at('2026-10-05T10:00:00+07:00', () => close(o, '2026-09'));
    await pay(o, (sept as Payout).id);
    // D1 is corrected upwards by 1 000 000 ₫ in October; D2 sells 20 000 000 ₫: October's base is 21 000 000, not 51 000 000.
    await at('2026-10-06T10:00:00+07:00', () =>
      push(o, [
        line('D1', { netMinor: 31_000_000 }),
        line('D2', { completedTime: '2026-10-01T12:00:00+07:00', netMinor: 20_000_000 }),
      ]),
    );
    const [oct] = await close(o, '2026-10');
    expect(oct).toMatchObject({ grossMinor: 50_000 + 1_000_000 });
    expect((await ledger(o)).filter((e) => e.kind === 'tier_adjustment')).toEqual([]);
  });

  test('a sale whose line is not completed at close is not taken; closing twice adds nothing', async () => {
    const o = await setup();
    await push(o, [line('P1', { status: 'pending' }), line('P2', { status: 'pending', completedTime: undefined }), line('C1')]);
    const p1 = await saleOf(o, 'P1');
    expect(p1.eligibleAt).not.toBeNull(); // eligible in time, but its line is not completed
    const first = await close(o, '2026-10');
    expect(first).toHaveLength(1);
    expect(first[0]?.entryIds).toEqual([(await saleOf(o, 'C1')).id]);
    await push(o, [line('P1'), line('P2'), line('C2')]);
    const before = await ledger(o);
    expect(await close(o, '2026-10', 200)).toEqual(first);
    expect(await ledger(o)).toEqual(before);
    expect(before.filter((e) => e.status === 'pending')).toHaveLength(3);
    expect((await t.call(o.apiKey, 'GET', '/api/v1/payouts?period=2026-10')).json().items).toEqual(first);
  });

  test('nothing paid changes afterwards', async () => {
    const o = await setup();
    await push(o, [line('A1'), line('A2', { netMinor: 4_000_000 }), line('A3', { kosCode: 'MINH02' })]);
    for (const p of await close(o, '2026-09')) await pay(o, p.id);
    const paid = (await ledger(o)).filter((e) => e.status === 'paid');
    const payouts = (await t.call(o.apiKey, 'GET', '/api/v1/payouts')).json().items;
    expect(paid).toHaveLength(3);
    await push(o, [
      line('A1', { status: 'cancelled' }),
      line('A2', { netMinor: 4_000_000, refundMinor: 1_000_000 }),
      line('A3', { netMinor: 9_000_000 }),
    ]);
    const a3 = await lineId(o, 'A3');
    expect((await t.call(o.apiKey, 'PATCH', `/api/v1/lines/${a3}`, { kosId: o.kos.HOA03 })).statusCode).toBe(200);
    const after = await ledger(o);
    for (const e of paid) expect(after.find((x) => x.id === e.id)).toEqual(e);
    expect((await t.call(o.apiKey, 'GET', '/api/v1/payouts')).json().items).toEqual(payouts);
    // A1 cancelled, A2 partly refunded, A3 rose (a pending top-up), then moved to HOA03 (top-up void, the rest clawed back).
    expect(after.filter((e) => e.status !== 'paid').map((e) => [e.kind, e.amountMinor, e.status])).toEqual([
      ['clawback', -200_000, 'pending'],
      ['clawback', -100_000, 'pending'],
      ['sale', 700_000, 'void'],
      ['clawback', -200_000, 'pending'],
      ['sale', 900_000, 'pending'],
    ]);
  });

  test('the current month → 409 and books nothing; a viewer cannot close; another org’s payout → 404', async () => {
    const o = await setup();
    await push(o, [line('X1')]);
    const before = await ledger(o);
    // The month that is running now in the org's zone (Vietnam), whatever day the suite runs on.
    const thisMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' })
      .format(new Date())
      .slice(0, 7);
    const current = await t.call(o.apiKey, 'POST', '/api/v1/payouts/close', { period: thisMonth });
    expect(current.statusCode).toBe(409);
    expect(await ledger(o)).toEqual(before);
    const viewer = (await t.call(o.apiKey, 'POST', '/api/v1/api-keys', { name: 'v', role: 'viewer' })).json().key;
    expect((await t.call(viewer, 'POST', '/api/v1/payouts/close', { period: '2026-09' })).statusCode).toBe(403);
    const [payout] = await close(o, '2026-09'); // the viewer's attempt did not close it
    const id = (payout as Payout).id;
    expect((await t.call(viewer, 'POST', `/api/v1/payouts/${id}/approve`)).statusCode).toBe(403);
    const other = await seedSampleOrg(t, `pr-${dialect}-other-${++n}`);
    expect((await t.call(other.apiKey, 'GET', `/api/v1/payouts/${id}`)).statusCode).toBe(404);
    expect((await t.call(other.apiKey, 'POST', `/api/v1/payouts/${id}/approve`)).statusCode).toBe(404);
    expect((await t.call(other.apiKey, 'GET', `/api/v1/payouts/${id}/statement`)).statusCode).toBe(404);
    expect((await t.call(o.apiKey, 'GET', `/api/v1/payouts/${id}`)).json().status).toBe('draft');
  });

  test('export CSV defuses a KOS name starting with = and lists approved or paid payouts only', async () => {
    const o = await setup();
    const kos = await t.call(o.apiKey, 'POST', '/api/v1/kos', {
      code: 'EVIL01',
      handle: `evil-${dialect}-${++n}`,
      name: '=HYPERLINK("http://x.example","y")',
      relationship: 'independent',
      status: 'active',
    });
    expect(kos.statusCode, kos.body).toBe(201);
    await push(o, [line('E1', { kosCode: 'EVIL01' }), line('E2')]);
    const payouts = await close(o, '2026-09');
    const evil = payouts.find((p) => p.kosId === kos.json().id) as Payout;
    expect((await t.call(o.apiKey, 'POST', `/api/v1/payouts/${evil.id}/approve`)).statusCode).toBe(200);
    const csv = await t.call(o.apiKey, 'GET', '/api/v1/payouts/export.csv?period=2026-09');
    expect(csv.body.trim().split('\n')).toEqual([
      'kosCode,name,taxCode,grossMinor,withheldMinor,netMinor,currency,status,reference',
      `EVIL01,"'=HYPERLINK(""http://x.example"",""y"")",,200000,0,200000,VND,approved,`,
    ]);
  });

  test('export CSV starts with a UTF-8 byte-order mark (Excel reads Vietnamese names), then the same header and rows', async () => {
    const o = await setup();
    const named = await t.call(o.apiKey, 'PATCH', `/api/v1/kos/${o.kos.LAN01}`, { name: 'Nguyễn Thị Lan' });
    expect(named.statusCode, named.body).toBe(200);
    await push(o, [line('B1')]);
    const [payout] = await close(o, '2026-09');
    expect((await t.call(o.apiKey, 'POST', `/api/v1/payouts/${payout?.id}/approve`)).statusCode).toBe(200);
    const csv = await t.call(o.apiKey, 'GET', '/api/v1/payouts/export.csv?period=2026-09');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toBe(
      '\uFEFFkosCode,name,taxCode,grossMinor,withheldMinor,netMinor,currency,status,reference\n' +
        'LAN01,Nguyễn Thị Lan,,200000,0,200000,VND,approved,\n',
    );
    const empty = await t.call(o.apiKey, 'GET', '/api/v1/payouts/export.csv?period=2026-10');
    expect(empty.body).toBe('\uFEFFkosCode,name,taxCode,grossMinor,withheldMinor,netMinor,currency,status,reference\n');
  });
});
