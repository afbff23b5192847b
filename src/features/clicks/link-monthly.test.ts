import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { ClickWriter } from './click-writer.js';
import { rebuildClickRollup } from './clicks.service.js';
import { clickedLink } from './clicks-fixture.js';
import { monthlyDeltas } from './daily-rollup.js';

// docs/clicks.md "Daily and monthly counts": link_monthly is link_daily summed per month, kept with it.
describe.each(DIALECTS)('monthly click counts on %s', (dialect) => {
  const t = useTestApp(dialect);

  const counts = async (orgId: string) => {
    const db = t.db.database.db;
    const daily = await db.selectFrom('link_daily').selectAll().where('org_id', '=', orgId).execute();
    const monthly = await db.selectFrom('link_monthly').selectAll().where('org_id', '=', orgId).orderBy('month').execute();
    const asDelta = (r: (typeof daily)[number]) => ({
      linkId: r.link_id,
      day: r.day,
      orgId: r.org_id,
      kosId: r.kos_id,
      clicks: Number(r.clicks),
      uniqueClicks: Number(r.unique_clicks),
      bots: Number(r.bots),
    });
    const expected = monthlyDeltas(daily.map(asDelta)).sort((a, b) => a.day.localeCompare(b.day));
    return { expected, monthly: monthly.map((r) => asDelta({ ...r, day: r.month })) };
  };

  test('ingested clicks across a month end (in the org zone) add to the month of their local day; a rebuild gives the same', async () => {
    // 16:00Z on 31 Oct is 23:00 in Hanoi: an hour of clicks a minute apart straddles 1 November locally.
    const l = await clickedLink(t, { from: '2026-10-31T16:00:00Z', stepMs: 60_000, visitors: 7 });
    const writer = new ClickWriter(t.db.database.db, 'secret', { flushMs: 10_000, batchSize: 9 });
    for (let i = 0; i < 120; i++) writer.push(l.click(i, i % 11 === 0 ? { userAgent: 'curl/8' } : {}));
    await writer.close();
    const first = await counts(l.org.orgId);
    expect(first.monthly.map((m) => m.day)).toEqual(['2026-10', '2026-11']);
    expect(first.monthly).toEqual(first.expected);
    expect(first.monthly.reduce((s, m) => s + m.clicks + m.bots, 0)).toBe(120);

    // A rebuild from raw clicks (`kos rollups rebuild --clicks`) replaces both tables alike.
    await t.db.database.db.deleteFrom('link_monthly').where('org_id', '=', l.org.orgId).execute();
    await rebuildClickRollup(t.db.database.db, l.org.orgId, 'Asia/Ho_Chi_Minh');
    const rebuilt = await counts(l.org.orgId);
    expect(rebuilt.monthly).toEqual(first.monthly);
    // In another zone the month end falls elsewhere: UTC puts every click in October.
    await rebuildClickRollup(t.db.database.db, l.org.orgId, 'UTC');
    const utc = await counts(l.org.orgId);
    expect(utc.monthly.map((m) => m.day)).toEqual(['2026-10']);
    expect(utc.monthly).toEqual(utc.expected);
  });
});
