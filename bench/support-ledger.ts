// Helpers of bench/ledger.ts: KOS inserted in bulk (SQL, for speed), the plans (createPlan), the bare
// insert baseline and counts of ledger state.
import { sql } from 'kysely';
import { type Db, withTransaction } from '../src/db/database.js';
import type { Principal } from '../src/features/access/access.js';
import { planCreate } from '../src/features/plans/plans.schema.js';
import { createPlan } from '../src/features/plans/plans.service.js';
import { newId } from '../src/lib/ids.js';
import { kosCode, seededRandom } from './support-common.js';
import { since } from './support-phase.js';

export const HOLDING_DAYS = 3;

/** Inserts `count` active KOS in 500-row statements, one transaction: relationships, tiers, tax profiles mixed. */
export async function insertKosInBulk(db: Db, orgId: string, count: number): Promise<void> {
  const r = seededRandom(11);
  const now = Date.now();
  const relationships = ['independent', 'independent', 'store_staff', 'dealer_staff', 'agent', 'employee'];
  await withTransaction(db, async (trx) => {
    for (let from = 1; from <= count; from += 500) {
      const rows = Array.from({ length: Math.min(500, count - from + 1) }, (_, k) => {
        const code = kosCode(from + k);
        const relationship = r.pick(relationships);
        return {
          id: newId(),
          org_id: orgId,
          code,
          handle: code.toLowerCase(),
          name: `KOS ${from + k}`,
          relationship,
          unit_id: null,
          status: 'active',
          tier: r.pick(['S', 'A', 'B', 'B', 'C', 'C', null]),
          categories: '[]',
          voucher_codes: '[]',
          tax_has_labour_contract_3m: relationship === 'employee' ? 1 : 0,
          tax_commitment_08: r.chance(0.2) ? 1 : 0,
          tax_code: null,
          bio: null,
          avatar_url: null,
          contacts: '{}',
          created_at: now,
          updated_at: now,
        };
      });
      await trx.insertInto('kos').values(rows).execute();
    }
  });
}

/** An org-wide plan with step tiers (10 % → 12 % from 10 M ₫ → 15 % from 30 M ₫ a month) and a tier-S plan. */
export async function createPlans(db: Db, owner: Principal): Promise<void> {
  const common = { validFrom: '2020-01-01', holdingDays: HOLDING_DAYS };
  await createPlan(
    db,
    owner,
    planCreate.parse({
      ...common,
      name: 'Standard, stepped',
      rateBps: 1000,
      steps: [
        { fromMinor: 0, rateBps: 1000 },
        { fromMinor: 10_000_000, rateBps: 1200 },
        { fromMinor: 30_000_000, rateBps: 1500 },
      ],
    }),
  );
  await createPlan(db, owner, planCreate.parse({ ...common, name: 'Tier S', appliesTo: { tiers: ['S'] }, rateBps: 1500 }));
}

interface BareRow {
  id: string;
  org_id: string;
  kind: string;
  amount_minor: number;
  created_at: number;
}

/**
 * The baseline: `count` bare rows of 5 columns into a plain table through the same connection, in
 * 1 000-row transactions of 200-row statements (the statement size of the line store). Returns seconds.
 */
export async function bareInsertSeconds(db: Db, count: number): Promise<number> {
  const bare = db.withTables<{ bench_bare: BareRow }>();
  await sql`drop table if exists bench_bare`.execute(db);
  await sql`create table bench_bare (id varchar(40) primary key, org_id varchar(40) not null, kind varchar(20) not null, amount_minor bigint not null, created_at bigint not null)`.execute(
    db,
  );
  const start = performance.now();
  for (let from = 0; from < count; from += 1000) {
    await bare.transaction().execute(async (trx) => {
      for (let at = from; at < Math.min(from + 1000, count); at += 200) {
        const rows = Array.from({ length: Math.min(200, count - at) }, (_, k) => ({
          id: newId(),
          org_id: 'bench',
          kind: 'sale',
          amount_minor: (at + k) * 7,
          created_at: Date.now(),
        }));
        await trx.insertInto('bench_bare').values(rows).execute();
      }
    });
  }
  const seconds = since(start);
  await sql`drop table bench_bare`.execute(db);
  return seconds;
}

/** Entries by kind and status (`sale/pending` → n), payouts and closed periods of the org. */
export async function ledgerCounts(db: Db, orgId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const groups = await db
    .selectFrom('ledger_entries')
    .select((eb) => ['kind', 'status', eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .groupBy(['kind', 'status'])
    .execute();
  for (const g of groups) counts[`${g.kind}/${g.status}`] = Number(g.n);
  const payouts = await db
    .selectFrom('payouts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('gross_minor').as('gross')])
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  counts.payouts = Number(payouts.n);
  counts.payoutGross = Number(payouts.gross ?? 0);
  return counts;
}
