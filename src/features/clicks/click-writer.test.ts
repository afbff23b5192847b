import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import type { Db } from '../../db/database.js';
import { ClickWriter, type PendingClick } from './click-writer.js';
import { findClick, linkClickCounts, rebuildClickRollup } from './clicks.service.js';
import { type ClickedLink, clickedLink } from './clicks-fixture.js';

describe.each(DIALECTS)('click writer on %s', (dialect) => {
  const t = useTestApp(dialect);
  const link = () => clickedLink(t, { from: '2026-11-01T16:30:00Z', stepMs: 60_000, visitors: 5 });
  const click = (l: ClickedLink, i: number, over: Partial<PendingClick> = {}) => l.click(i, over);

  test('writes batches, keeps the rollup in step with raw clicks, and the rollup rebuilds to the same', async () => {
    const l = await link();
    const writer = new ClickWriter(t.db.database.db, 'secret', { flushMs: 10_000, batchSize: 7 });
    for (let i = 0; i < 60; i++) writer.push(click(l, i, i % 10 === 0 ? { userAgent: 'curl/8' } : {}));
    await writer.close();
    expect(writer.written).toBe(60);
    const before = await t.db.database.db
      .selectFrom('link_daily')
      .selectAll()
      .where('link_id', '=', l.linkId)
      .orderBy('day')
      .execute();
    // 16:30Z + 60 min crosses midnight in Hanoi: two rollup days.
    expect(before.map((r) => r.day)).toEqual(['2026-11-01', '2026-11-02']);
    expect(before.reduce((s, r) => s + Number(r.clicks) + Number(r.bots), 0)).toBe(60);
    expect(before.reduce((s, r) => s + Number(r.bots), 0)).toBe(6);
    const counts = (await linkClickCounts(t.db.database.db, l.org.orgId, [l.linkId])).get(l.linkId);
    expect(counts).toEqual({ clicks: 54, unique: 5 });
    await t.db.database.db.deleteFrom('link_daily').where('org_id', '=', l.org.orgId).execute();
    expect(await rebuildClickRollup(t.db.database.db, l.org.orgId, 'Asia/Ho_Chi_Minh')).toEqual({ clicks: 60, days: 2 });
    const after = await t.db.database.db
      .selectFrom('link_daily')
      .selectAll()
      .where('link_id', '=', l.linkId)
      .orderBy('day')
      .execute();
    expect(
      after.map((r) => ({ ...r, clicks: Number(r.clicks), unique_clicks: Number(r.unique_clicks), bots: Number(r.bots) })),
    ).toEqual(
      before.map((r) => ({ ...r, clicks: Number(r.clicks), unique_clicks: Number(r.unique_clicks), bots: Number(r.bots) })),
    );
  });

  test('a full queue makes push return a promise (backpressure) that resolves once written', async () => {
    const l = await link();
    const writer = new ClickWriter(t.db.database.db, 'secret', { flushMs: 10_000, batchSize: 1000, maxQueue: 5 });
    const answers = Array.from({ length: 5 }, (_, i) => writer.push(click(l, 100 + i)));
    expect(answers.slice(0, 4).every((a) => a === undefined)).toBe(true);
    expect(answers[4]).toBeInstanceOf(Promise);
    await answers[4];
    expect(writer.pending).toBe(0);
    await writer.close();
  });

  test('a failed write is retried with the same flags: nothing lost, nothing doubled', async () => {
    const l = await link();
    let failures = 1;
    const flaky = new Proxy(t.db.database.db, {
      get(target, prop, receiver) {
        if (prop === 'transaction' && failures > 0) {
          failures -= 1;
          return () => ({ execute: () => Promise.reject(new Error('database hiccup')) });
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Db;
    const errors: unknown[] = [];
    const writer = new ClickWriter(flaky, 'secret', { flushMs: 10_000, onError: (e) => errors.push(e) });
    for (let i = 0; i < 3; i++) writer.push(click(l, 200 + i, { ip: '203.0.113.1' }));
    await writer.flush();
    expect(errors).toHaveLength(1);
    expect(writer.written).toBe(0);
    await writer.close();
    expect(writer.written).toBe(3);
    const rows = await t.db.database.db.selectFrom('clicks').select(['is_unique']).where('link_id', '=', l.linkId).execute();
    expect(rows.map((r) => r.is_unique).sort()).toEqual([0, 0, 1]);
  });

  test('a click id resolves to its link and KOS for its own org only', async () => {
    const l = await link();
    const other = await link();
    const writer = new ClickWriter(t.db.database.db, 'secret');
    const c = click(l, 300);
    writer.push(c);
    await writer.close();
    expect(await findClick(t.db.database.db, l.org.orgId, c.clickId)).toMatchObject({
      linkId: l.linkId,
      kosId: l.kosId,
      clickedAt: c.at,
      isBot: false,
    });
    expect(await findClick(t.db.database.db, other.org.orgId, c.clickId)).toBeUndefined();
  });
});
