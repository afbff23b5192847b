import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import type { Db } from '../../db/database.js';
import { randomAlphanumeric } from '../../lib/ids.js';
import { ClicksDroppedError, ClickWriter, type PendingClick } from './click-writer.js';

const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148';

/** Clicks on one fresh link (the clicks tables have no foreign keys), every fifth from a bot. */
function clicksOnNewLink(count: number): PendingClick[] {
  const orgId = randomAlphanumeric(12);
  const linkId = randomAlphanumeric(12);
  return Array.from({ length: count }, (_, i) => ({
    clickId: randomAlphanumeric(12),
    orgId,
    linkId,
    kosId: 'kos',
    timezone: 'Asia/Ho_Chi_Minh',
    at: Date.parse('2026-11-01T16:50:00Z') + i * 60_000,
    ip: `198.51.100.${i % 3}`,
    userAgent: i % 5 === 0 ? 'curl/8' : PHONE,
    referer: undefined,
  }));
}

/** `db`, except that each transaction it starts goes through `transaction` while `broken()` says so. */
function breakable(db: Db, broken: () => boolean, transaction: (real: Db) => unknown): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'transaction' && broken()) return () => transaction(target);
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const down = () => ({ execute: () => Promise.reject(new Error('database down')) });

/** Pushes as the redirect does: awaiting the promise `push` returns when the writer is full. */
async function pushAll(writer: ClickWriter, clicks: PendingClick[]): Promise<number> {
  let waited = 0;
  for (const click of clicks) {
    const full = writer.push(click);
    if (full) {
      waited += 1;
      await full;
    }
  }
  return waited;
}

const droppedIn = (errors: unknown[]) =>
  errors.filter((e): e is ClicksDroppedError => e instanceof ClicksDroppedError).reduce((sum, e) => sum + e.count, 0);

test('a database that stays down: at most maxQueue clicks kept, the oldest dropped and reported, push pushes back', async () => {
  const errors: unknown[] = [];
  const stub = { isTransaction: false, transaction: down } as unknown as Db;
  const writer = new ClickWriter(stub, 'secret', { flushMs: 10_000, batchSize: 4, maxQueue: 10, onError: (e) => errors.push(e) });
  const waited = await pushAll(writer, clicksOnNewLink(25));
  await writer.flush();
  expect(waited).toBeGreaterThan(0);
  expect(writer.written).toBe(0);
  expect(writer.held).toBe(10);
  expect(writer.dropped).toBe(15);
  expect(droppedIn(errors)).toBe(15);
  expect(errors.some((e) => e instanceof Error && e.message === 'database down')).toBe(true);
  // Full: the next click waits for a write (here a failed one), and one more old click goes.
  expect(writer.push(clicksOnNewLink(1)[0] as PendingClick)).toBeInstanceOf(Promise);
  await writer.flush();
  expect(writer.held).toBe(10);
  expect(writer.dropped).toBe(16);
  // Closed while still down: what is left is reported too, never lost in silence.
  await writer.close();
  expect(writer.dropped).toBe(26);
  expect(droppedIn(errors)).toBe(26);
  expect(writer.held).toBe(0);
});

describe.each(DIALECTS)('click writer failures on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t?.drop());

  /** The clicks table and the rollup of one link, as plain numbers. */
  async function stored(linkId: string) {
    const db = t.database.db;
    const raw = await db.selectFrom('clicks').select(['click_id', 'is_bot', 'is_unique']).where('link_id', '=', linkId).execute();
    const days = await db.selectFrom('link_daily').selectAll().where('link_id', '=', linkId).execute();
    const sum = (pick: (row: (typeof days)[number]) => number) => days.reduce((s, row) => s + Number(pick(row)), 0);
    return {
      ids: raw.map((row) => row.click_id).sort(),
      raw: {
        clicks: raw.filter((row) => row.is_bot === 0).length,
        unique: raw.filter((row) => row.is_unique === 1).length,
        bots: raw.filter((row) => row.is_bot === 1).length,
      },
      rollup: { clicks: sum((row) => row.clicks), unique: sum((row) => row.unique_clicks), bots: sum((row) => row.bots) },
    };
  }

  test('back from an outage, the newest maxQueue clicks are written and the rollup counts exactly them', async () => {
    let broken = true;
    const errors: unknown[] = [];
    const db = breakable(t.database.db, () => broken, down);
    const writer = new ClickWriter(db, 'secret', { flushMs: 10_000, batchSize: 4, maxQueue: 10, onError: (e) => errors.push(e) });
    const clicks = clicksOnNewLink(25);
    await pushAll(writer, clicks);
    broken = false;
    await writer.close();
    expect(writer.written).toBe(10);
    expect(writer.dropped).toBe(15);
    const { ids, raw, rollup } = await stored(clicks[0]?.linkId as string);
    expect(ids).toEqual(
      clicks
        .slice(-10)
        .map((c) => c.clickId)
        .sort(),
    );
    expect(rollup).toEqual(raw);
    expect(raw.clicks + raw.bots).toBe(10);
  });

  test('a batch whose commit succeeded but whose answer was lost is retried without counting it twice', async () => {
    let lost = 1;
    const errors: unknown[] = [];
    const db = breakable(
      t.database.db,
      () => lost > 0,
      (real) => ({
        execute: async (work: (trx: Db) => Promise<unknown>) => {
          lost -= 1;
          await real.transaction().execute(work);
          throw new Error('connection reset after COMMIT');
        },
      }),
    );
    const writer = new ClickWriter(db, 'secret', { flushMs: 10_000, onError: (e) => errors.push(e) });
    const clicks = clicksOnNewLink(12);
    await pushAll(writer, clicks);
    await writer.flush();
    expect(errors).toHaveLength(1);
    await writer.close();
    expect(writer.written).toBe(12);
    const { ids, raw, rollup } = await stored(clicks[0]?.linkId as string);
    expect(ids).toHaveLength(12);
    expect(raw).toEqual({ clicks: 9, unique: 3, bots: 3 });
    expect(rollup).toEqual(raw);
  });
});
