import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { type Dataset, generateDataset, rewriteLine, storeLines } from '../../../test/support/rollup-dataset.js';
import { dayStart } from '../../lib/time.js';
import { systemPrincipal } from '../access/access.js';
import { type AnalyticsQuery, type BreakdownBy, breakdown, type SumsPath, summary } from './analytics.service.js';
import { coveringDays, keepRollups, rebuildOrg } from './rollups.service.js';

// docs/rollups.md: every summary and breakdown answered from the month cells, from the day cells and from
// the raw rows is the same answer.

const BYS: BreakdownBy[] = ['kos', 'unit', 'platform', 'product', 'source', 'day'];

function queries(d: Dataset): AnalyticsQuery[] {
  const periods = [
    { from: '2026-02-01', to: '2026-03-01' },
    { from: '2026-03-01', to: '2026-04-01' },
    { from: '2026-03-08', to: '2026-03-09' },
    { from: '2026-01-15', to: '2026-05-15' },
    { from: '2025-12-01', to: '2026-07-01' },
    { from: '2026-04-03', to: '2026-04-04' },
    { from: '2026-02-01', to: '2026-05-01' },
  ];
  const filters: AnalyticsQuery[] = [
    {},
    { kosId: d.kosIds[0] },
    { kosId: d.kosIds[4] },
    { unitId: d.unitIds[1] },
    { platform: 'shopee' },
    { source: 'tiktok_shop' },
    { kosId: d.kosIds[2], platform: 'lazada' },
    { unitId: d.unitIds[0], source: 'generic' },
  ];
  return periods.flatMap((p) => filters.map((f) => ({ ...p, ...f })));
}

type Paths = Record<SumsPath, number>;

/**
 * Each summary and breakdown three ways — raw rows, the day cells (`months: false`), and the default
 * (month cells where they cover) — must agree; returns the groups compared and which path answered.
 */
async function compareAll(db: TestDatabase, d: Dataset, timezone: string) {
  const principal = systemPrincipal(d.orgId);
  const org = { id: d.orgId, timezone };
  const paths: Paths = { months: 0, days: 0, raw: 0 };
  const onPath = (p: SumsPath) => {
    paths[p] += 1;
  };
  let compared = 0;
  for (const q of queries(d)) {
    const period = { from: dayStart(q.from as string, timezone), to: dayStart(q.to as string, timezone) };
    expect(await coveringDays(db.database.db, org, period.from, period.to), JSON.stringify(q)).not.toBeNull();
    const raw = await summary(db.database.db, principal, q, { rollups: false });
    expect(await summary(db.database.db, principal, q, { months: false }), JSON.stringify(q)).toEqual(raw);
    expect(await summary(db.database.db, principal, q, { onPath }), JSON.stringify(q)).toEqual(raw);
    for (const by of BYS) {
      const expected = await breakdown(db.database.db, principal, by, q, { rollups: false });
      expect(await breakdown(db.database.db, principal, by, q, { months: false }), `${by} ${JSON.stringify(q)}`).toEqual(
        expected,
      );
      expect(await breakdown(db.database.db, principal, by, q, { onPath }), `${by} ${JSON.stringify(q)}`).toEqual(expected);
      compared += expected.rows.length;
    }
  }
  return { compared, paths };
}

/** The path that answers a query (and its answer equals the raw one). */
async function pathOf(db: TestDatabase, d: Dataset, by: BreakdownBy, q: AnalyticsQuery): Promise<SumsPath | undefined> {
  const principal = systemPrincipal(d.orgId);
  let path: SumsPath | undefined;
  const answer = await breakdown(db.database.db, principal, by, q, { onPath: (p) => (path = p) });
  expect(answer).toEqual(await breakdown(db.database.db, principal, by, q, { rollups: false }));
  return path;
}

describe.each(DIALECTS)('rollups on %s', (dialect) => {
  let db: TestDatabase;
  const zones = ['Asia/Ho_Chi_Minh', 'America/New_York'];
  const sets: Dataset[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    for (const [i, timezone] of zones.entries())
      sets.push(
        await generateDataset(db.database.db, {
          slug: `roll-${i}`,
          timezone,
          start: '2026-01-20',
          days: 120,
          orders: 900,
          clicks: 3000,
          seed: 7 + i,
        }),
      );
  }, 120_000);
  afterAll(() => db.drop());

  test('before a rebuild the rollups cover nothing: raw rows answer', async () => {
    const d = sets[0] as Dataset;
    const org = { id: d.orgId, timezone: zones[0] as string };
    expect(
      await coveringDays(db.database.db, org, dayStart('2026-02-01', org.timezone), dayStart('2026-03-01', org.timezone)),
    ).toBeNull();
  });

  test('after a rebuild, every summary and breakdown via rollups equals the raw answer', async () => {
    for (const [i, d] of sets.entries()) {
      const timezone = zones[i] as string;
      const result = await rebuildOrg(db.database.db, { id: d.orgId, timezone });
      expect(result.months).toBeGreaterThanOrEqual(4);
      const dirty = await db.database.db.selectFrom('rollup_dirty').select('utc_day').where('org_id', '=', d.orgId).execute();
      expect(dirty).toEqual([]);
      // Many non-empty groups compared, so the comparison is not between two empty answers; the month
      // cells answered the whole-month queries they cover, the day cells the others.
      const { compared, paths } = await compareAll(db, d, timezone);
      expect(compared).toBeGreaterThan(500);
      expect(paths.months).toBeGreaterThan(100);
      expect(paths.days).toBeGreaterThan(100);
      expect(paths.raw).toBe(0);
    }
  }, 240_000);

  test('a date-time bound is not covered, and the answer is the raw one', async () => {
    const d = sets[1] as Dataset;
    const org = { id: d.orgId, timezone: zones[1] as string };
    const q = { from: '2026-03-01T10:00:00Z', to: '2026-04-01' };
    expect(await coveringDays(db.database.db, org, Date.parse(q.from), dayStart(q.to, org.timezone))).toBeNull();
    const principal = systemPrincipal(d.orgId);
    expect(await summary(db.database.db, principal, q)).toEqual(await summary(db.database.db, principal, q, { rollups: false }));
  });

  test('line writes after the rebuild make their days dirty, and the answers stay right', async () => {
    const d = sets[1] as Dataset;
    const timezone = zones[1] as string;
    const principal = systemPrincipal(d.orgId);
    const q = { from: '2026-02-01', to: '2026-05-01' };
    const before = await summary(db.database.db, principal, q);
    // A line moves to another month, KOS and status; another order gains a line on a different day.
    const moved = d.lines.find((l) => l.status === 'completed' && l.kosId !== null) ?? d.lines[0];
    if (!moved) throw new Error('no line');
    const changed = {
      ...moved,
      status: 'cancelled' as const,
      kosId: d.kosIds[3] ?? null,
      orderTime: moved.orderTime + 35 * 86_400_000,
    };
    const extra = {
      ...changed,
      id: `${changed.id}x`,
      lineKey: 'extra',
      status: 'pending' as const,
      orderTime: moved.orderTime - 2 * 86_400_000,
    };
    await rewriteLine(db.database.db, changed);
    await storeLines(db.database.db, [extra]);
    const dirty = await db.database.db.selectFrom('rollup_dirty').select('utc_day').where('org_id', '=', d.orgId).execute();
    expect(dirty.length).toBeGreaterThanOrEqual(2);
    const after = await summary(db.database.db, principal, q);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await summary(db.database.db, principal, q, { rollups: false }));
    // The query refreshed the dirty days lazily; every other answer still matches.
    expect(await db.database.db.selectFrom('rollup_dirty').select('utc_day').where('org_id', '=', d.orgId).execute()).toEqual([]);
    await compareAll(db, d, timezone);
  }, 240_000);

  test('new lines in a built month make it stale: the days answer until the keeper rebuilds it from them', async () => {
    const d = sets[0] as Dataset;
    const principal = systemPrincipal(d.orgId);
    const q = { from: '2026-03-01', to: '2026-04-01' };
    expect(await pathOf(db, d, 'kos', q)).toBe('months');
    const before = await summary(db.database.db, principal, q);
    // A March order gains a line of another KOS (it now spans month cells), and a new order lands in March.
    const [from, to] = [dayStart('2026-03-10', 'UTC'), dayStart('2026-03-20', 'UTC')];
    const line = d.lines.find((l) => l.kosId === d.kosIds[0] && from <= l.orderTime && l.orderTime < to);
    if (!line) throw new Error('no line');
    const spanning = {
      ...line,
      id: `${line.id}m`,
      lineKey: 'month-extra',
      kosId: d.kosIds[1] ?? null,
      status: 'completed' as const,
    };
    const fresh = { ...spanning, id: `${line.id}n`, orderId: `${line.orderId}-new`, lineKey: 'new-order' };
    await storeLines(db.database.db, [spanning, fresh]);
    expect(await pathOf(db, d, 'kos', q)).toBe('days');
    expect(await pathOf(db, d, 'unit', q)).toBe('days');
    expect(await summary(db.database.db, principal, q)).not.toEqual(before);
    const kept = await keepRollups(db.database.db);
    expect(kept.months).toBeGreaterThanOrEqual(1);
    expect(await pathOf(db, d, 'kos', q)).toBe('months');
    expect(await pathOf(db, d, 'product', q)).toBe('months');
    expect(await pathOf(db, d, 'day', q)).toBe('days');
    const { paths } = await compareAll(db, d, zones[0] as string);
    expect(paths.months).toBeGreaterThan(100);
  }, 240_000);
});
