import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { systemPrincipal } from '../access/access.js';
import { getStandings } from '../contests/close.service.js';
import { listContests } from '../contests/contests.service.js';
import { listPayouts } from '../payouts/payouts.service.js';
import { loadDemoIfEmpty } from './demo.service.js';
import { demoMonths } from './demo-payouts.js';
import { DEMO_UNITS } from './demo-units.js';

const NOW = Date.parse('2026-03-02T02:00:00Z');

describe.each(DIALECTS)('demo contests on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await loadDemoIfEmpty(t.database.db, () => {}, NOW);
  }, 300_000);
  afterAll(async () => {
    await t?.drop();
  });

  test('a running store PK this month, and a closed one whose bonuses are in the approved month’s payouts', async () => {
    const db = t.database.db;
    const org = await db.selectFrom('orgs').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow();
    const owner = systemPrincipal(org.id);
    const months = demoMonths(NOW);
    const contests = (await listContests(db, owner, { limit: 50 }, NOW)).items;
    expect(contests.map((c) => [c.status, c.scope, c.unitKind, c.from, c.to])).toEqual([
      ['running', 'unit', 'store', '2026-03-01', '2026-03-31'],
      ['closed', 'unit', 'store', `${months.paid}-01`, '2025-12-31'],
    ]);
    const [running, closed] = contests as [(typeof contests)[0], (typeof contests)[0]];

    const stores = DEMO_UNITS.filter((u) => u.kind === 'store').length;
    const live = (await getStandings(db, owner, running.id)).rows;
    expect(live).toHaveLength(stores);
    expect(live.every((r) => r.unitId && !r.kosId)).toBe(true);

    const frozen = (await getStandings(db, owner, closed.id)).rows;
    expect(frozen).toHaveLength(stores);
    expect(frozen[0]?.value).toBeGreaterThan(0);
    const awards = closed.awards ?? [];
    expect(awards.length).toBeGreaterThan(0);
    expect(awards.filter((a) => a.kind === 'prize' && a.rank === 1).every((a) => a.amountMinor === 2_000_000)).toBe(true);

    const payouts = (await listPayouts(db, owner, { limit: 500, period: months.approved })).items;
    const paidEntries = new Set(payouts.flatMap((p) => p.entryIds));
    expect(awards.every((a) => paidEntries.has(a.entryId))).toBe(true);
    expect(payouts.every((p) => p.status === 'approved')).toBe(true);
  });
});
