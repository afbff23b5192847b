import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type TestOrg, useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { natsReachable, TEST_NATS_URL } from '../../../test/support/nats.js';
import { randomAlphanumeric } from '../../lib/ids.js';
import { natsNames } from '../../lib/nats.js';
import { ClickLog } from './click-log.js';
import { encodeRecord, segmentNumber } from './click-log-format.js';
import type { PendingClick } from './click-writer.js';
import { linkClickCounts } from './clicks.service.js';
import { ClickForwarder } from './nats-click-forwarder.js';
import { ClickWorker } from './nats-click-worker.js';

// docs/deployment.md "Clicks through NATS", against the real NATS server (JetStream) and both databases.
const natsUp = await natsReachable();
if (!natsUp) console.warn(`NATS unreachable at ${TEST_NATS_URL} — click forwarding (NATS) tests SKIPPED`);

const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148';

describe.skipIf(!natsUp).each(DIALECTS)('clicks through NATS JetStream on %s', (dialect) => {
  const t = useTestApp(dialect);
  let nc: NatsConnection;
  const dirs: string[] = [];
  const streams: string[] = [];
  beforeAll(async () => {
    nc = await connect({ servers: TEST_NATS_URL });
  });
  afterAll(async () => {
    const jsm = await jetstreamManager(nc);
    for (const stream of streams) await jsm.streams.delete(stream).catch(() => {});
    await nc.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const link = async () => {
    const org: TestOrg = await t.newOrg();
    const kos = (
      await t.call(org.apiKey, 'POST', '/api/v1/kos', {
        code: 'NATS1',
        handle: `nt-${org.slug}`,
        name: 'K',
        relationship: 'agent',
      })
    ).json();
    const created = (
      await t.call(org.apiKey, 'POST', '/api/v1/links', { kosId: kos.id, destinationUrl: 'https://e.com/' })
    ).json();
    const prefix = randomAlphanumeric(4);
    const click = (i: number): PendingClick => ({
      clickId: `${prefix}${String(i).padStart(8, '0')}`,
      orgId: org.orgId,
      linkId: created.id,
      kosId: kos.id,
      timezone: 'Asia/Ho_Chi_Minh',
      at: Date.parse('2026-11-01T10:00:00Z') + i * 1000,
      ip: `198.51.100.${i % 4}`,
      userAgent: PHONE,
      referer: undefined,
    });
    return { orgId: org.orgId, linkId: created.id as string, click };
  };
  const stored = async (linkId: string) =>
    (await t.db.database.db.selectFrom('clicks').select('click_id').where('link_id', '=', linkId).execute()).length;
  /** Resolves once the workers' consumer has no batch waiting or unacknowledged. */
  const settled = async (names: ReturnType<typeof natsNames>) => {
    const jsm = await jetstreamManager(nc);
    await expect
      .poll(
        async () => {
          const info = await jsm.consumers.info(names.stream, names.consumer);
          return info.num_pending + info.num_ack_pending;
        },
        { timeout: 20_000, interval: 50 },
      )
      .toBe(0);
  };

  test('the forwarder publishes each batch once; the worker stores each click once, whatever is delivered again', async () => {
    const l = await link();
    const names = natsNames(`u${randomAlphanumeric(10)}`);
    streams.push(names.stream);
    const dir = mkdtempSync(join(tmpdir(), 'kos-natsfw-'));
    dirs.push(dir);
    // Four written batches of 100 clicks (~20 KB each): three in a sealed segment, the last in the newest.
    const log = new ClickLog(dir, { segmentBytes: 50_000, fsync: 'off' });
    for (let batch = 0; batch < 4; batch++) {
      for (let i = 0; i < 100; i++) log.push(l.click(batch * 100 + i));
      await log.flush();
    }
    const forwarder = new ClickForwarder(TEST_NATS_URL, names, dir);
    await forwarder.drain();
    expect(forwarder.forwarded).toBe(400);
    // The sealed segment, forwarded to its end, is gone; the newest stays (it may still be written).
    expect(readdirSync(dir).filter((name) => segmentNumber(name) !== null)).toHaveLength(1);
    const jsm = await jetstreamManager(nc);
    const published = (await jsm.streams.info(names.stream)).state.messages;

    // Its checkpoint lost, a forwarder publishes the newest segment again: the same batch, the same
    // message id, and JetStream keeps it once.
    rmSync(join(dir, 'forwarded'));
    const again = new ClickForwarder(TEST_NATS_URL, names, dir);
    await again.drain();
    expect(again.forwarded).toBe(100);
    expect((await jsm.streams.info(names.stream)).state.messages).toBe(published);
    await again.close();
    await forwarder.close();
    await log.close();

    const worker = await ClickWorker.start(TEST_NATS_URL, names, t.db.database.db, 'secret');
    try {
      await settled(names);
      expect(await stored(l.linkId)).toBe(400);
      // Published again under another id (the batch boundaries moved), and a damaged message: the
      // clicks stored already add nothing; the damaged batch is dropped and the worker goes on.
      const buffer = Buffer.alloc(64 * 1024);
      let used = 0;
      for (let i = 390; i < 401; i++) used = encodeRecord(buffer, used, l.click(i));
      const js = jetstream(nc);
      await js.publish(names.clicksOf('x'), buffer.subarray(0, used), { msgID: 'another-batch' });
      await js.publish(names.clicksOf('x'), Buffer.from('not a click batch'), { msgID: 'damaged' });
      await settled(names);
      expect(await stored(l.linkId)).toBe(401);
      expect(await linkClickCounts(t.db.database.db, l.orgId, [l.linkId])).toEqual(
        new Map([[l.linkId, { clicks: 401, unique: 4 }]]),
      );
    } finally {
      await worker.close();
    }
  }, 60_000);
});
