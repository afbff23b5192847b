import { describe, expect, test } from 'vitest';
import { type Caller, sessionCaller, type TestContext, useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { expectProblem } from '../../../test/support/problem.js';
import { signedWebhookRequest } from '../../../test/support/webhook-signing.js';
import { addDays, dayInZone } from '../../lib/time.js';

const SECRET = 'contests-secret-0123456789';
const ZONE = 'Asia/Ho_Chi_Minh';

async function memberCaller(t: TestContext, owner: string, body: object): Promise<Caller> {
  const email = `m-${Math.random().toString(36).slice(2)}@example.com`;
  const password = 'member password 1';
  const made = await t.call(owner, 'POST', '/api/v1/members', { email, password, ...body });
  expect(made.statusCode, made.body).toBe(201);
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  expect(login.statusCode).toBe(200);
  return sessionCaller(t.app, login.cookies.find((c) => c.name === 'kos_session')?.value ?? '');
}

describe.each(DIALECTS)('contests API on %s', (dialect) => {
  const t = useTestApp(dialect);

  test('standings, ranks with ties, unit PK, sessions, visibility, closing once into bonus entries, 409s', async () => {
    const org = await t.newOrg();
    const key = org.apiKey;
    const post = async (url: string, body: object, status = 201) => {
      const res = await t.call(key, 'POST', url, body);
      expect(res.statusCode, res.body).toBe(status);
      return res.json();
    };
    expect((await t.call(key, 'PATCH', '/api/v1/org', { webhookSecret: SECRET })).statusCode).toBe(200);
    const north = (await post('/api/v1/units', { name: 'North', kind: 'region' })).id;
    const south = (await post('/api/v1/units', { name: 'South', kind: 'region' })).id;
    const s1 = (await post('/api/v1/units', { name: 'Store 1', kind: 'store', parentId: north })).id;
    const s2 = (await post('/api/v1/units', { name: 'Store 2', kind: 'store', parentId: north })).id;
    const s3 = (await post('/api/v1/units', { name: 'Store 3', kind: 'store', parentId: south })).id;
    const ids: Record<string, string> = {};
    for (const [code, unitId, status] of [
      ['KOSA', s1, 'active'],
      ['KOSB', s1, 'active'],
      ['KOSC', s2, 'active'],
      ['KOSD', s3, 'active'],
      ['KOSE', s3, 'paused'],
      ['KOSF', null, 'active'],
    ] as const) {
      const handle = `${code.toLowerCase()}-${dialect}-${org.slug}`.slice(0, 30);
      ids[code] = (await post('/api/v1/kos', { code, handle, name: `Name ${code}`, relationship: 'agent', unitId, status })).id;
    }

    const today = dayInZone(Date.now(), ZONE);
    const from = addDays(today, -20);
    const to = addDays(today, -10);
    let n = 0;
    const line = (kosCode: string, orderTime: string, netMinor: number) => ({
      platform: 'shopee',
      orderId: `C-${++n}`,
      status: 'completed',
      orderTime,
      quantity: 1,
      grossMinor: netMinor,
      netMinor,
      currency: 'VND',
      kosCode,
    });
    const lines = [
      line('KOSA', `${addDays(from, 3)}T12:00:00+07:00`, 500_000),
      line('KOSA', `${addDays(to, 1)}T00:00:00+07:00`, 900_000), // the day after: out
      line('KOSB', `${to}T23:59:59+07:00`, 300_000), // the last second of the last day: in
      line('KOSC', `${from}T00:00:00+07:00`, 500_000), // the first instant: in (ties with KOSA)
      line('KOSC', `${addDays(from, -1)}T23:59:59+07:00`, 700_000), // the day before: out
      line('KOSD', `${addDays(from, 5)}T09:00:00+07:00`, 200_000),
      line('KOSE', `${addDays(from, 5)}T09:00:00+07:00`, 1_000_000), // paused: takes no part
    ];
    expect((await t.app.inject(signedWebhookRequest(key, SECRET, { lines }, 'unique'))).statusCode).toBe(201);

    // Validation.
    const base = { name: 'November', metric: 'netSales', from, to };
    const bad = async (body: object, key: string) => {
      const res = await t.call(org.apiKey, 'POST', '/api/v1/contests', { ...base, ...body });
      expect(res.statusCode, res.body).toBe(422);
      expect(JSON.stringify(res.json().errors)).toContain(key);
    };
    await bad({ scope: 'unit' }, 'contest.unit_kind.required');
    await bad({ from: to, to: from }, 'contest.days.order');
    await bad(
      {
        prizes: [
          { rankFrom: 1, rankTo: 3, amountMinor: 1 },
          { rankFrom: 3, rankTo: 3, amountMinor: 1 },
        ],
      },
      'contest.prize.overlap',
    );
    await bad({ prizes: [{ rankFrom: 2, rankTo: 1, amountMinor: 1 }] }, 'contest.prize.range');
    await bad(
      {
        targets: [
          { value: 5, bonusMinor: 1 },
          { value: 5, bonusMinor: 2 },
        ],
      },
      'contest.targets.order',
    );
    await bad({ targets: [1, 2, 3, 4, 5, 6].map((value) => ({ value, bonusMinor: 1 })) }, 'targets');
    await bad({ unitKind: 'shop', scope: 'unit' }, 'unitKind');
    await bad({ participants: { unitIds: ['nope'] } }, 'unit.reference.unknown');
    await bad({ metric: 'likes' }, 'metric');

    // A KOS contest: A and C tie at 500 000 (rank 1, 1), B 3, D 4, F 5 with 0; E is paused.
    const kosContest = await post('/api/v1/contests', {
      ...base,
      prizes: [
        { rankFrom: 1, rankTo: 1, amountMinor: 1_000_000 },
        { rankFrom: 2, rankTo: 5, amountMinor: 200_000 },
      ],
      targets: [
        { value: 250_000, bonusMinor: 50_000 },
        { value: 450_000, bonusMinor: 150_000 },
      ],
    });
    expect(kosContest).toMatchObject({ status: 'ended', scope: 'kos', unitKind: null, closedAt: null, currency: 'VND' });
    expect(kosContest.awards).toBeUndefined();
    const standings = (await t.call(key, 'GET', `/api/v1/contests/${kosContest.id}/standings`)).json().rows;
    expect(standings).toEqual([
      { rank: 1, kosId: ids.KOSA, code: 'KOSA', name: 'Name KOSA', value: 500_000, target: 450_000 },
      { rank: 1, kosId: ids.KOSC, code: 'KOSC', name: 'Name KOSC', value: 500_000, target: 450_000 },
      { rank: 3, kosId: ids.KOSB, code: 'KOSB', name: 'Name KOSB', value: 300_000, target: 250_000 },
      { rank: 4, kosId: ids.KOSD, code: 'KOSD', name: 'Name KOSD', value: 200_000 },
      { rank: 5, kosId: ids.KOSF, code: 'KOSF', name: 'Name KOSF', value: 0 },
    ]);

    // A store PK inside North: Store 1 = A + B, Store 2 = C; Store 3 is in South.
    const pk = await post('/api/v1/contests', {
      ...base,
      name: 'Store PK',
      scope: 'unit',
      unitKind: 'store',
      participants: { unitIds: [north] },
      prizes: [{ rankFrom: 1, rankTo: 1, amountMinor: 100_000 }],
    });
    expect((await t.call(key, 'GET', `/api/v1/contests/${pk.id}/standings`)).json().rows).toEqual([
      { rank: 1, unitId: s1, name: 'Store 1', value: 800_000 },
      { rank: 2, unitId: s2, name: 'Store 2', value: 500_000 },
    ]);

    // Sessions: ended livestreams by actual end, of KOS D only.
    const account = await post(`/api/v1/kos/${ids.KOSD}/accounts`, {
      platform: 'tiktok_shop',
      handle: `d.${dialect}.${org.slug}`,
    });
    for (const [day, status] of [
      [addDays(from, 1), 'ended'],
      [addDays(from, 2), 'ended'],
      [addDays(from, 3), 'cancelled'],
      [addDays(to, 2), 'ended'],
    ] as const)
      await post('/api/v1/livestreams', {
        kosId: ids.KOSD,
        accountId: account.id,
        title: 'Live',
        scheduledStart: `${day}T19:00:00+07:00`,
        scheduledEnd: `${day}T21:00:00+07:00`,
        ...(status === 'ended' ? { actualStart: `${day}T19:00:00+07:00`, actualEnd: `${day}T21:00:00+07:00` } : {}),
        status,
      });
    const sessions = await post('/api/v1/contests', {
      ...base,
      name: 'Lives',
      metric: 'sessions',
      participants: { kosIds: [ids.KOSD] },
    });
    expect((await t.call(key, 'GET', `/api/v1/contests/${sessions.id}/standings`)).json().rows).toEqual([
      { rank: 1, kosId: ids.KOSD, code: 'KOSD', name: 'Name KOSD', value: 2 },
    ]);

    // A running contest cannot close yet.
    const running = await post('/api/v1/contests', { ...base, name: 'Running', to: today });
    expect(running.status).toBe('running');
    const renamed = await t.call(key, 'PATCH', `/api/v1/contests/${running.id}`, { name: 'Running!', unitKind: 'store' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Running!', unitKind: null, from, to: today });
    const noKind = await t.call(key, 'PATCH', `/api/v1/contests/${running.id}`, { scope: 'unit' });
    expect(noKind.statusCode).toBe(422);
    expect(JSON.stringify(noKind.json().errors)).toContain('contest.unit_kind.required');
    const early = await t.call(key, 'POST', `/api/v1/contests/${running.id}/close`);
    expectProblem(early, 409, 'conflict');
    expect(early.json()).toMatchObject({
      key: 'contest.close.not_ended',
      params: { to: today, closableFrom: addDays(today, 1) },
    });
    expect((await t.call(key, 'GET', `/api/v1/contests?status=running`)).json().items.map((c: { id: string }) => c.id)).toEqual([
      running.id,
    ]);

    // Visibility: a KOS member reads only the contests they take part in; a South manager those with a South KOS.
    const kosB = await memberCaller(t, key, { role: 'kos', kosId: ids.KOSB });
    const listed = async (caller: Caller) =>
      (await caller('GET', '/api/v1/contests')).json().items.map((c: { name: string }) => c.name as string);
    expect(await listed(kosB)).toEqual(['November', 'Store PK', 'Running!']);
    expect((await kosB('GET', `/api/v1/contests/${sessions.id}`)).statusCode).toBe(404);
    expect((await kosB('GET', `/api/v1/contests/${sessions.id}/standings`)).statusCode).toBe(404);
    expect((await kosB('GET', `/api/v1/contests/${pk.id}/standings`)).statusCode).toBe(200);
    expectProblem(await kosB('POST', '/api/v1/contests', base), 403, 'forbidden');
    expectProblem(await kosB('POST', `/api/v1/contests/${kosContest.id}/close`), 403, 'forbidden');
    const southManager = await memberCaller(t, key, { role: 'manager', unitId: south });
    expect(await listed(southManager)).toEqual(['November', 'Lives', 'Running!']);
    expectProblem(await southManager('PATCH', `/api/v1/contests/${kosContest.id}`, { name: 'x' }), 403, 'forbidden');

    // Close: 201 with the awards, 200 after with the same ones, standings frozen, PATCH refused.
    const closed = await t.call(key, 'POST', `/api/v1/contests/${kosContest.id}/close`);
    expect(closed.statusCode, closed.body).toBe(201);
    const awards = closed.json().awards as { kosId: string; kind: string; amountMinor: number; entryId: string; name: string }[];
    expect(awards.map((a) => `${a.name} ${a.kind} ${a.amountMinor}`)).toEqual([
      'Name KOSA prize 1000000',
      'Name KOSA target 150000',
      'Name KOSC prize 1000000',
      'Name KOSC target 150000',
      'Name KOSB prize 200000',
      'Name KOSB target 50000',
      'Name KOSD prize 200000',
    ]);
    const again = await t.call(key, 'POST', `/api/v1/contests/${kosContest.id}/close`);
    expect(again.statusCode).toBe(200);
    expect(again.json().awards).toEqual(awards);
    const got = (await t.call(key, 'GET', `/api/v1/contests/${kosContest.id}`)).json();
    expect(got.status).toBe('closed');
    expect(got.awards).toEqual(awards);
    const patched = await t.call(key, 'PATCH', `/api/v1/contests/${kosContest.id}`, { name: 'Renamed' });
    expectProblem(patched, 409, 'conflict');
    expect(patched.json().key).toBe('contest.closed');
    // A late line does not move a closed contest.
    expect(
      (
        await t.app.inject(
          signedWebhookRequest(key, SECRET, { lines: [line('KOSD', `${addDays(from, 6)}T09:00:00+07:00`, 5_000_000)] }, 'unique'),
        )
      ).statusCode,
    ).toBe(201);
    expect((await t.call(key, 'GET', `/api/v1/contests/${kosContest.id}/standings`)).json().rows).toEqual(standings);

    // Two closes at once book once.
    const [x, y] = await Promise.all([
      t.call(key, 'POST', `/api/v1/contests/${pk.id}/close`),
      t.call(key, 'POST', `/api/v1/contests/${pk.id}/close`),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 201]);
    expect(x.json().awards).toEqual(y.json().awards);
    expect(x.json().awards.map((a: { kosId: string; unitId: string }) => [a.kosId, a.unitId])).toEqual(
      [ids.KOSA, ids.KOSB].sort().map((id) => [id, s1]),
    );

    // Σ awards = Σ bonus entries, each named after its contest and award.
    const ledger = (await t.call(key, 'GET', '/api/v1/ledger?kind=bonus&limit=500')).json().items as {
      id: string;
      amountMinor: number;
      reason: string;
      status: string;
    }[];
    expect(ledger).toHaveLength(9);
    expect(ledger.reduce((s, e) => s + e.amountMinor, 0)).toBe(2_750_000 + 200_000);
    expect(ledger.every((e) => e.status === 'pending')).toBe(true);
    expect(ledger.map((e) => e.reason)).toContain('Contest "November": prize for rank 3');
    expect(ledger.map((e) => e.reason)).toContain('Contest "November": target 450000 reached');
    expect(ledger.map((e) => e.reason)).toContain('Contest "Store PK": prize for rank 1 (Store 1)');
    expect(new Set(ledger.map((e) => e.id))).toEqual(new Set([...awards, ...x.json().awards].map((a) => a.entryId)));

    // Another org sees none of it.
    const other = await t.newOrg();
    expect((await t.call(other.apiKey, 'GET', `/api/v1/contests/${kosContest.id}`)).statusCode).toBe(404);
    expect((await t.call(other.apiKey, 'POST', `/api/v1/contests/${kosContest.id}/close`)).statusCode).toBe(404);
  });
});
