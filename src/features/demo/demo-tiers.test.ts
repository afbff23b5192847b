import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { systemPrincipal } from '../access/access.js';
import { recompute, scorecards } from '../tiers/tiers.service.js';
import { loadDemoIfEmpty } from './demo.service.js';

const NOW = Date.parse('2026-03-02T02:00:00Z');
const RANK = { S: 0, A: 1, B: 2, C: 3 } as const;

describe.each(DIALECTS)('demo tiers on %s (docs/tiers.md)', (dialect) => {
  let t: TestDatabase;
  const logs: string[] = [];
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await loadDemoIfEmpty(t.database.db, (msg) => logs.push(msg), NOW);
  });
  afterAll(async () => {
    await t?.drop();
  });

  test("the active KOS's tiers follow the demo's net sales on its date, with their history", async () => {
    const db = t.database.db;
    const org = await db.selectFrom('orgs').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow();
    const owner = systemPrincipal(org.id);
    expect(logs.some((l) => /^demo: tiers recomputed for 2026-03-02 \(\d+ changed\)$/.test(l))).toBe(true);

    const { items } = await scorecards(db, owner, { date: '2026-03-02' }, NOW);
    const active = items.filter((k) => k.status === 'active');
    expect(active.length).toBeGreaterThan(10);
    expect(active.every((k) => k.tier !== null && k.rpg !== null)).toBe(true);
    // Higher tiers never sell less than lower ones (no KOS is locked in the demo).
    const sorted = [...active].sort((a, b) => b.netSalesMinor - a.netSalesMinor || a.code.localeCompare(b.code));
    for (let i = 1; i < sorted.length; i++)
      expect(RANK[sorted[i]?.tier as keyof typeof RANK]).toBeGreaterThanOrEqual(RANK[sorted[i - 1]?.tier as keyof typeof RANK]);
    expect(new Set(active.map((k) => k.tier))).toEqual(new Set(['S', 'A', 'B', 'C']));
    expect(active.filter((k) => k.netSalesMinor <= 0).every((k) => k.tier === 'C')).toBe(true);
    expect(items.filter((k) => k.status !== 'active').every((k) => k.rpg === null)).toBe(true);

    const history = await db.selectFrom('kos_tier_history').select(['date', 'reason']).where('org_id', '=', org.id).execute();
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((h) => h.date === '2026-03-02' && h.reason === 'recompute')).toBe(true);
    // Recomputing for the same date again changes nothing.
    expect((await recompute(db, owner, '2026-03-02', NOW)).changes).toEqual([]);
  });
});
