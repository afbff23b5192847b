import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { ClickIngester } from './click-ingester.js';
import { ClickLog } from './click-log.js';
import { linkClickCounts } from './clicks.service.js';
import { clickedLink } from './clicks-fixture.js';

describe.each(DIALECTS)('click log ingestion on %s', (dialect) => {
  const t = useTestApp(dialect);
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kos-ingest-'));
    dirs.push(dir);
    return dir;
  };
  const link = async () => {
    const l = await clickedLink(t, { from: '2026-11-01T10:00:00Z', stepMs: 1000, visitors: 4 });
    return { ...l, orgId: l.org.orgId };
  };
  const stored = async (linkId: string) =>
    Number(
      (
        await t.db.database.db
          .selectFrom('clicks')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('link_id', '=', linkId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const ingester = (dir: string, batch = 5000) => new ClickIngester(t.db.database.db, 'secret', dir, { batch });

  test('stores every logged click once, keeps bots and uniques, and deletes the segments it has finished', async () => {
    const l = await link();
    const dir = newDir();
    const log = new ClickLog(dir, { segmentBytes: 2000, batchClicks: 10, fsync: 'off' });
    for (let i = 0; i < 100; i++) log.push(l.click(i, i % 10 === 0 ? { userAgent: 'curl/8' } : {}));
    await log.close();
    expect(readdirSync(dir).length).toBeGreaterThan(3);
    const first = ingester(dir, 7);
    await first.drain();
    expect(await stored(l.linkId)).toBe(100);
    // 90 non-bot clicks from 4 visitors within the hour: 4 unique.
    expect(await linkClickCounts(t.db.database.db, l.orgId, [l.linkId])).toEqual(
      new Map([[l.linkId, { clicks: 90, unique: 4 }]]),
    );
    // Only the newest segment stays: it is the one a running writer may still append to.
    expect(readdirSync(dir)).toHaveLength(1);
    await first.drain();
    expect(first.ingested).toBe(100);
  });

  test('a restart resumes from the checkpoint: clicks logged later are stored, none twice', async () => {
    const l = await link();
    const dir = newDir();
    const run1 = new ClickLog(dir, { fsync: 'off' });
    for (let i = 0; i < 30; i++) run1.push(l.click(i));
    await run1.close();
    await ingester(dir).drain();
    const run2 = new ClickLog(dir, { fsync: 'off' });
    for (let i = 30; i < 50; i++) run2.push(l.click(i));
    await run2.flush();
    const again = ingester(dir);
    await again.drain();
    expect(again.ingested).toBe(20);
    expect(await stored(l.linkId)).toBe(50);
    await run2.close();
  });

  test('a checkpoint lost behind stored clicks changes nothing: inserts skip click ids already stored', async () => {
    const l = await link();
    const dir = newDir();
    const log = new ClickLog(dir, { fsync: 'off' });
    for (let i = 0; i < 40; i++) log.push(l.click(i));
    await log.flush();
    const first = ingester(dir);
    await first.drain();
    const counts = await linkClickCounts(t.db.database.db, l.orgId, [l.linkId]);
    // As if the process died after committing clicks but before its checkpoint was stored.
    await t.db.database.db.deleteFrom('click_log_checkpoints').where('instance', '=', first.instance).execute();
    await ingester(dir).drain();
    expect(await stored(l.linkId)).toBe(40);
    expect(await linkClickCounts(t.db.database.db, l.orgId, [l.linkId])).toEqual(counts);
    await log.close();
  });

  test('the torn tail of a crashed run is skipped once a newer segment seals it', async () => {
    const l = await link();
    const dir = newDir();
    const crashed = new ClickLog(dir, { fsync: 'off' });
    for (let i = 0; i < 10; i++) crashed.push(l.click(i));
    await crashed.close();
    appendFileSync(join(dir, '000001.log'), Buffer.from([200, 0, 0, 0, 1, 2, 3])); // half a record
    const first = ingester(dir);
    await first.drain();
    expect(await stored(l.linkId)).toBe(10);
    const next = new ClickLog(dir, { fsync: 'off' });
    next.push(l.click(10));
    await next.close();
    await first.drain();
    expect(await stored(l.linkId)).toBe(11);
    expect(readdirSync(dir)).toEqual(['000002.log']);
  });

  test('a stop within a budget stores what it can; the rest stays in the log and the next start stores it once', async () => {
    const l = await link();
    const dir = newDir();
    const log = new ClickLog(dir, { fsync: 'off' });
    for (let i = 0; i < 6000; i++) log.push(l.click(i));
    await log.close();
    const none = ingester(dir);
    expect(await none.close(0)).toBe(false);
    expect(await stored(l.linkId)).toBe(0);
    // A budget of 1 ms: the batch under way (5 000 clicks) is finished, then it stops.
    const some = ingester(dir);
    expect(await some.close(1)).toBe(false);
    const first = await stored(l.linkId);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(6000);
    const next = ingester(dir);
    expect(await next.close(60_000)).toBe(true);
    expect(next.ingested).toBe(6000 - first);
    expect(await stored(l.linkId)).toBe(6000);
    expect((await linkClickCounts(t.db.database.db, l.orgId, [l.linkId])).get(l.linkId)?.clicks).toBe(6000);
    // Nothing left: even a zero budget finds the log drained.
    expect(await ingester(dir).close(0)).toBe(true);
  });
});
