import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { createSession, livestreamFixture, paths, sessionBody } from './livestreams-fixture.js';

const ZERO_STATS = {
  views: 0,
  viewers: 0,
  peakViewers: 0,
  avgWatchSeconds: 0,
  comments: 0,
  questions: 0,
  questionsAnswered: 0,
  productClicks: 0,
  addToCart: 0,
};

describe.each(DIALECTS)('livestreams on %s', (dialect) => {
  const t = useTestApp(dialect);

  test('create with defaults, get, list with filters and cursor, patch', async () => {
    const f = await livestreamFixture(t);
    const created = await t.call(f.org.apiKey, 'POST', '/api/v1/livestreams', sessionBody(f));
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s).toEqual({
      id: expect.any(String),
      kosId: f.kosN,
      accountId: f.accN,
      platform: 'tiktok_shop',
      title: 'Flash sale serum',
      scheduledStart: '2099-11-25T13:00:00.000Z',
      scheduledEnd: '2099-11-25T15:00:00.000Z',
      actualStart: null,
      actualEnd: null,
      status: 'scheduled',
      feeMinor: null,
      currency: 'VND',
      productIds: [],
      flashOffers: [],
      stats: ZERO_STATS,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect((await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams/${s.id}`)).json()).toEqual(s);

    const full = await createSession(
      t,
      f.org.apiKey,
      sessionBody(f, {
        title: 'Recorded after the fact',
        scheduledStart: '2021-03-01T19:00:00+07:00',
        scheduledEnd: '2021-03-01T21:00:00+07:00',
        actualStart: '2021-03-01T19:05:00+07:00',
        actualEnd: '2021-03-01T21:10:00+07:00',
        status: 'ended',
        feeMinor: 1_500_000,
        productIds: [f.p2, f.p1],
        flashOffers: [
          {
            productId: f.p1,
            priceMinor: 199_000,
            quantityLimit: 50,
            startsAt: '2021-03-01T19:30:00+07:00',
            endsAt: '2021-03-01T19:40:00+07:00',
          },
          { productId: f.p2, priceMinor: 99_000, startsAt: '2021-03-01T20:00:00Z', endsAt: '2021-03-01T20:05:00Z' },
        ],
        stats: { views: 1200, peakViewers: 300 },
      }),
    );
    expect(full).toMatchObject({
      status: 'ended',
      actualStart: '2021-03-01T12:05:00.000Z',
      actualEnd: '2021-03-01T14:10:00.000Z',
      feeMinor: 1_500_000,
      productIds: [f.p2, f.p1],
      flashOffers: [
        {
          productId: f.p1,
          priceMinor: 199_000,
          quantityLimit: 50,
          startsAt: '2021-03-01T12:30:00.000Z',
          endsAt: '2021-03-01T12:40:00.000Z',
        },
        {
          productId: f.p2,
          priceMinor: 99_000,
          quantityLimit: null,
          startsAt: '2021-03-01T20:00:00.000Z',
          endsAt: '2021-03-01T20:05:00.000Z',
        },
      ],
      stats: { ...ZERO_STATS, views: 1200, peakViewers: 300 },
    });
    const south = await createSession(t, f.org.apiKey, sessionBody(f, { kosId: f.kosS, accountId: f.accS, status: 'cancelled' }));
    expect(south.platform).toBe('shopee');

    const ids = async (query: string) =>
      (await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams${query}`)).json().items.map((x: { id: string }) => x.id);
    expect(await ids('')).toEqual([s.id, full.id, south.id]);
    expect(await ids(`?kosId=${f.kosN}`)).toEqual([s.id, full.id]);
    expect(await ids('?status=ended')).toEqual([full.id]);
    expect(await ids('?from=2099-01-01')).toEqual([s.id, south.id]);
    expect(await ids('?to=2021-03-02')).toEqual([full.id]);
    // `to` is exclusive and a date is the org's (UTC+7) day: 19:00+07:00 on 1 March starts inside [1 March, 2 March).
    expect(await ids('?from=2021-03-01&to=2021-03-01')).toEqual([]);
    expect(await ids('?from=2021-03-01T12:00:00Z&to=2021-03-01T12:00:00.001Z')).toEqual([full.id]);
    expect(await ids('?from=2099-11-25T13:00:00.001Z')).toEqual([]);
    const page1 = (await t.call(f.org.apiKey, 'GET', '/api/v1/livestreams?limit=2')).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const page2 = (await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2).toMatchObject({ items: [{ id: south.id }], nextCursor: null });

    const patched = await t.call(f.org.apiKey, 'PATCH', `/api/v1/livestreams/${full.id}`, {
      title: 'Serum night',
      stats: { comments: 40, questions: 10, questionsAnswered: 8 },
      productIds: [f.p1],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      title: 'Serum night',
      status: 'ended',
      productIds: [f.p1],
      stats: { ...ZERO_STATS, views: 1200, peakViewers: 300, comments: 40, questions: 10, questionsAnswered: 8 },
    });
    expect(patched.json().flashOffers).toHaveLength(2);
    // Changing the account moves the session to that account's platform; it must be the session KOS's account.
    const fb = (
      await t.call(f.org.apiKey, 'POST', `/api/v1/kos/${f.kosN}/accounts`, { platform: 'facebook', handle: 'lan.fb' })
    ).json();
    expect((await t.call(f.org.apiKey, 'PATCH', `/api/v1/livestreams/${s.id}`, { accountId: fb.id })).json().platform).toBe(
      'facebook',
    );
    // Moving a session to another KOS needs an account of that KOS.
    const move = await t.call(f.org.apiKey, 'PATCH', `/api/v1/livestreams/${s.id}`, { kosId: f.kosS });
    expect(paths(move)).toEqual(['accountId']);
    const moved = await t.call(f.org.apiKey, 'PATCH', `/api/v1/livestreams/${s.id}`, { kosId: f.kosS, accountId: f.accS });
    expect(moved.json()).toMatchObject({ kosId: f.kosS, platform: 'shopee' });
    expect(
      paths(await t.call(f.org.apiKey, 'PATCH', `/api/v1/livestreams/${full.id}`, { kosId: f.kosS, accountId: f.accS })),
    ).toEqual(['kosId']);
  });

  test('status transitions over HTTP: live and ended fill the actual times; ended and cancelled are final', async () => {
    const f = await livestreamFixture(t);
    const s = await createSession(t, f.org.apiKey, sessionBody(f));
    const patch = (body: object) => t.call(f.org.apiKey, 'PATCH', `/api/v1/livestreams/${s.id}`, body);
    const before = Date.now();
    const live = (await patch({ status: 'live' })).json();
    expect(live.status).toBe('live');
    expect(Date.parse(live.actualStart)).toBeGreaterThanOrEqual(before - 1);
    expect(live.actualEnd).toBeNull();
    expect(paths(await patch({ status: 'scheduled' }))).toEqual(['status']);
    expect(paths(await patch({ actualEnd: '2099-01-01T00:00:00Z' }))).toEqual(['actualEnd']);
    const ended = (await patch({ status: 'ended' })).json();
    expect(ended.actualStart).toBe(live.actualStart);
    expect(Date.parse(ended.actualEnd)).toBeGreaterThanOrEqual(Date.parse(live.actualStart));
    for (const status of ['live', 'scheduled', 'cancelled']) {
      const res = await patch({ status });
      expect(res.statusCode, status).toBe(422);
      expect(res.json().errors).toEqual([
        {
          path: 'status',
          message: expect.stringContaining('ended is final'),
          key: 'livestream.status.final',
          params: { from: 'ended', to: status },
        },
      ]);
    }
    expect(paths(await patch({ actualEnd: null }))).toEqual(['actualEnd']);
    // Stats of an ended session can still be recorded.
    expect((await patch({ stats: { views: 10 } })).json().stats.views).toBe(10);

    const never = await createSession(t, f.org.apiKey, sessionBody(f));
    const end = (body: object) => t.call(f.org.apiKey, 'PATCH', `/api/v1/livestreams/${never.id}`, { status: 'ended', ...body });
    expect(paths(await end({}))).toEqual(['actualEnd', 'actualStart']);
    expect(paths(await end({ actualStart: '2099-11-25T13:00:00Z' }))).toEqual(['actualEnd']);
    const recorded = await end({ actualStart: '2099-11-25T13:00:00Z', actualEnd: '2099-11-25T14:00:00Z' });
    expect(recorded.json()).toMatchObject({ status: 'ended', actualEnd: '2099-11-25T14:00:00.000Z' });

    const cancelled = await createSession(t, f.org.apiKey, sessionBody(f, { status: 'cancelled' }));
    for (const status of ['scheduled', 'live', 'ended']) {
      const res = await t.call(f.org.apiKey, 'PATCH', `/api/v1/livestreams/${cancelled.id}`, {
        status,
        actualStart: '2099-11-25T13:00:00Z',
        actualEnd: '2099-11-25T14:00:00Z',
      });
      expect(paths(res), status).toEqual(['status']);
    }
    expect((await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams/${cancelled.id}`)).json().status).toBe('cancelled');
    // POST may start live: actualStart defaults to now.
    expect((await createSession(t, f.org.apiKey, sessionBody(f, { status: 'live' }))).actualStart).not.toBeNull();
  });

  test('422 names each invalid field, and nothing is stored', async () => {
    const f = await livestreamFixture(t);
    const other = await livestreamFixture(t);
    const offer = { productId: f.p1, priceMinor: 100, startsAt: '2099-11-25T13:00:00Z', endsAt: '2099-11-25T13:10:00Z' };
    const cases: [Record<string, unknown>, string[]][] = [
      [{ title: '' }, ['title']],
      [{ title: '   ' }, ['title']],
      [{ scheduledStart: 'tomorrow' }, ['scheduledStart']],
      [{ scheduledStart: '2099-11-25T20:00:00' }, ['scheduledStart']],
      [{ scheduledEnd: '2099-11-25T13:00:00Z' }, ['scheduledEnd']],
      [{ scheduledEnd: '2099-11-25T12:00:00Z' }, ['scheduledEnd']],
      [{ accountId: f.accS }, ['accountId']],
      [{ accountId: 'no-such-account' }, ['accountId']],
      [{ accountId: other.accN }, ['accountId']],
      [{ productIds: [f.p1, 'nope'] }, ['productIds.1']],
      [{ productIds: [f.p1, f.p2, f.p1] }, ['productIds.2']],
      [{ productIds: [other.p1] }, ['productIds.0']],
      [{ productIds: 'SRM50' }, ['productIds']],
      [{ status: 'paused' }, ['status']],
      [{ feeMinor: -1 }, ['feeMinor']],
      [{ feeMinor: 1.5 }, ['feeMinor']],
      [{ stats: { views: -1 } }, ['stats.views']],
      [{ stats: { viewers: '10' } }, ['stats.viewers']],
      [{ stats: { questions: 1, questionsAnswered: 2 } }, ['stats.questionsAnswered']],
      [{ actualStart: '2099-11-25T14:00:00Z', actualEnd: '2099-11-25T13:59:59Z' }, ['actualEnd']],
      [{ actualEnd: '2099-11-25T14:00:00Z' }, ['actualStart']],
      [{ actualStart: 'now' }, ['actualStart']],
      [{ flashOffers: [{ ...offer, endsAt: offer.startsAt }] }, ['flashOffers.0.endsAt']],
      [{ flashOffers: [offer, { ...offer, productId: 'nope' }] }, ['flashOffers.1.productId']],
      [{ flashOffers: [{ ...offer, quantityLimit: 0 }] }, ['flashOffers.0.quantityLimit']],
      [{ flashOffers: [{ ...offer, priceMinor: -5 }] }, ['flashOffers.0.priceMinor']],
      [{ flashOffers: [{ productId: f.p1 }] }, ['flashOffers.0.endsAt', 'flashOffers.0.priceMinor', 'flashOffers.0.startsAt']],
    ];
    const s = await createSession(t, f.org.apiKey, sessionBody(f));
    for (const [fields, expected] of cases) {
      const post = await t.call(f.org.apiKey, 'POST', '/api/v1/livestreams', sessionBody(f, fields));
      expect(post.statusCode, JSON.stringify(fields)).toBe(422);
      expect(post.json().code).toBe('invalid');
      expect(paths(post), JSON.stringify(fields)).toEqual(expected);
      const patch = await t.call(f.org.apiKey, 'PATCH', `/api/v1/livestreams/${s.id}`, fields);
      expect(patch.statusCode, `PATCH ${JSON.stringify(fields)}`).toBe(422);
      expect(paths(patch), `PATCH ${JSON.stringify(fields)}`).toEqual(expected);
    }
    const missing = await t.call(f.org.apiKey, 'POST', '/api/v1/livestreams', {});
    expect(paths(missing)).toEqual(['accountId', 'kosId', 'scheduledEnd', 'scheduledStart', 'title']);
    expect(paths(await t.call(f.org.apiKey, 'PATCH', `/api/v1/livestreams/${s.id}`, { kosId: 'no-such-kos' }))).toEqual([
      'kosId',
    ]);
    expect(paths(await t.call(f.org.apiKey, 'GET', '/api/v1/livestreams?status=paused'))).toEqual(['status']);
    expect(paths(await t.call(f.org.apiKey, 'GET', '/api/v1/livestreams?from=yesterday'))).toEqual(['from']);
    expect((await t.call(f.org.apiKey, 'GET', '/api/v1/livestreams')).json().items).toEqual([
      (await t.call(f.org.apiKey, 'GET', `/api/v1/livestreams/${s.id}`)).json(),
    ]);
  });
});
