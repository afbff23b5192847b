import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, describe, expect, test } from 'vitest';
import { NATS_SERVER, startNatsServer, stopNatsServers } from '../../../test/support/nats-server.js';
import type { Db } from '../../db/database.js';
import { natsAuthOptions, natsNames } from '../../lib/nats.js';
import { ClickLog } from './click-log.js';
import { ClickForwarder } from './nats-click-forwarder.js';
import { ClickWorker } from './nats-click-worker.js';

// docs/deployment.md "Securing NATS": the forwarder and the worker pass the credentials on.
const dir = mkdtempSync(join(tmpdir(), 'kos-nats-auth-clicks-'));
afterAll(() => {
  stopNatsServers();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!NATS_SERVER)('the click path logs in to a JetStream server that asks for a password', () => {
  test('the forwarder publishes the click log and the worker subscribes, both with the credentials', async () => {
    const url = await startNatsServer(['-js', '-sd', join(dir, 'js'), '--user', 'kos', '--pass', 's3cret-pass']);
    const auth = { user: 'kos', pass: 's3cret-pass' };
    const names = natsNames('authtest');
    const log = new ClickLog(join(dir, 'clicks', 'main'), { fsync: 'off' });
    for (let i = 0; i < 20; i++)
      log.push({
        clickId: `authclick${String(i).padStart(3, '0')}`,
        orgId: 'org-1',
        linkId: 'link-1',
        kosId: 'kos-1',
        timezone: 'Asia/Ho_Chi_Minh',
        at: Date.parse('2026-11-01T10:00:00Z') + i,
        ip: '198.51.100.1',
        userAgent: 'UA',
        referer: undefined,
      });
    await log.close();
    const forwarder = new ClickForwarder(url, names, join(dir, 'clicks', 'main'), { auth });
    await forwarder.drain();
    expect(forwarder.forwarded).toBe(20);
    await forwarder.close();
    const nc = await connect({ servers: url, reconnect: false, ...natsAuthOptions(auth) });
    expect((await (await jetstreamManager(nc)).streams.info(names.stream)).state.messages).toBeGreaterThan(0);
    await nc.close();
    // The worker connects and makes its consumer; storing is tested in nats-clicks.test.ts.
    const worker = await ClickWorker.start(url, names, {} as Db, 'secret-secret-secret', { auth });
    await worker.close();
  });
});
