import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { systemPrincipal } from '../src/features/access/access.js';
import { importFile } from '../src/features/imports/import-jobs.js';
import { useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { SAMPLES, seedSampleOrg } from './support/samples.js';

const FILES: [string, 'shopee' | 'tiktok_shop' | 'lazada' | 'accesstrade' | 'generic'][] = [
  ['shopee_vi.csv', 'shopee'],
  ['shopee_en.csv', 'shopee'],
  ['tiktok_shop_en.csv', 'tiktok_shop'],
  ['tiktok_shop_vi.csv', 'tiktok_shop'],
  ['lazada.json', 'lazada'],
  ['accesstrade.json', 'accesstrade'],
  ['generic.csv', 'generic'],
];

/** The line store as a comparable value: every canonical field and attribution, without ids and times of storing. */
async function lineStore(t: ReturnType<typeof useTestApp>, orgId: string) {
  const rows = await t.db.database.db
    .selectFrom('order_lines')
    .select([
      'source',
      'order_id',
      'line_key',
      'status',
      'gross_minor',
      'net_minor',
      'refund_minor',
      'kos_id',
      'attribution',
      'order_time',
      'completed_time',
      'sku',
      'quantity',
    ])
    .where('org_id', '=', orgId)
    .orderBy('source')
    .orderBy('order_id')
    .orderBy('line_key')
    .execute();
  const entries = await t.db.database.db
    .selectFrom('ledger_entries')
    .select(['kos_id', 'kind', 'amount_minor', 'status'])
    .where('org_id', '=', orgId)
    .orderBy('kos_id')
    .orderBy('amount_minor')
    .execute();
  return { rows, entries: entries.filter((e) => e.status !== 'void').map((e) => [e.kos_id, e.kind, e.amount_minor]) };
}

describe.each(DIALECTS)('import properties on %s', (dialect) => {
  const t = useTestApp(dialect);
  let n = 0;
  const owner = systemPrincipal;

  test('any shuffled, duplicated mix of the samples gives the same line store as importing each once', async () => {
    const reference = await seedSampleOrg(t, `ref-${dialect}`);
    await t.call(reference.apiKey, 'POST', '/api/v1/plans', { name: 'p', validFrom: '2026-01-01', rateBps: 1000 });
    for (const [file, source] of FILES)
      await importFile(t.db.database.db, owner(reference.orgId), { source, path: join(SAMPLES, file), fileName: file });
    const expected = await lineStore(t, reference.orgId);
    const normalise = (store: Awaited<ReturnType<typeof lineStore>>, kos: Record<string, string>) => {
      const name = new Map(Object.entries(kos).map(([code, id]) => [id, code]));
      return JSON.stringify(store, (_k, v) => (typeof v === 'string' && name.has(v) ? name.get(v) : v));
    };
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(fc.integer({ min: 0, max: FILES.length - 1 }), { minLength: FILES.length, maxLength: 14 })
          .chain((extra) => fc.shuffledSubarray([...FILES.keys(), ...extra], { minLength: FILES.length + extra.length })),
        async (order) => {
          if (new Set(order).size < FILES.length) return; // every file at least once
          const org = await seedSampleOrg(t, `mix-${dialect}-${++n}`);
          await t.call(org.apiKey, 'POST', '/api/v1/plans', { name: 'p', validFrom: '2026-01-01', rateBps: 1000 });
          for (const i of order) {
            const [file, source] = FILES[i] as (typeof FILES)[number];
            await importFile(t.db.database.db, owner(org.orgId), { source, path: join(SAMPLES, file), fileName: file });
          }
          expect(normalise(await lineStore(t, org.orgId), org.kos)).toBe(normalise(expected, reference.kos));
        },
      ),
      // Stopped before the test's timeout, so that a failure found late still prints its counterexample.
      { numRuns: 6, interruptAfterTimeLimit: 100_000, markInterruptAsFailure: true },
    );
  }, 120_000);

  test('a crash after the first committed chunk loses nothing; running the file again finishes it without duplicates', async () => {
    const org = await seedSampleOrg(t, `crash-${dialect}`);
    const dir = mkdtempSync(join(tmpdir(), 'kos-crash-'));
    try {
      const lines = Array.from(
        { length: 2500 },
        (_, i) => `website,CR-${i},1,pending,2026-11-01 10:00:00,1,1000,1000,VND,${i % 3 === 0 ? 'LAN01' : ''}`,
      );
      const path = join(dir, 'orders.csv');
      writeFileSync(
        path,
        `platform,orderId,lineKey,status,orderTime,quantity,grossMinor,netMinor,currency,kosCode\n${lines.join('\n')}\n`,
      );
      const crash = importFile(
        t.db.database.db,
        owner(org.orgId),
        { source: 'generic', path, fileName: 'orders.csv' },
        {
          onProgress: () => {
            throw new Error('power cut');
          },
        },
      );
      await expect(crash).rejects.toThrow('power cut');
      const count = async () =>
        Number(
          (
            await t.db.database.db
              .selectFrom('order_lines')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('org_id', '=', org.orgId)
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await count()).toBe(1000);
      // The failure path leaves the import failed with its reason and the rows it committed, not `running`.
      const [crashed] = (await t.call(org.apiKey, 'GET', '/api/v1/imports')).json().items;
      expect(crashed).toMatchObject({ status: 'failed', rowsDone: 1000, rows: 2500, inserted: 1000 });
      expect(crashed.failedReason).toMatch(/power cut/);
      expect(crashed).toMatchObject({ failedKey: 'import.failed.unexpected', failedParams: {} });
      const rerun = await importFile(t.db.database.db, owner(org.orgId), { source: 'generic', path, fileName: 'orders.csv' });
      expect(rerun).toMatchObject({ rows: 2500, inserted: 1500, unchanged: 1000, updated: 0, rejected: 0 });
      expect(await count()).toBe(2500);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
