import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { type SampleOrg, seedSampleOrg } from '../../../test/support/samples.js';
import { signedWebhookRequest } from '../../../test/support/webhook-signing.js';

const SECRET = 'line-history-secret-0123';
const line = (over: object = {}) => ({
  platform: 'website',
  orderId: 'H-1',
  status: 'pending',
  orderTime: '2026-11-02T10:00:00+07:00',
  quantity: 1,
  grossMinor: 100_000,
  netMinor: 100_000,
  currency: 'VND',
  kosCode: 'LAN01',
  ...over,
});
type Entry = { at: string; importId: string | null; change: Record<string, unknown> };

describe.each(DIALECTS)('a line\'s history on %s (docs/imports.md, "A line\'s history")', (dialect) => {
  const t = useTestApp(dialect);
  let n = 0;
  const org = async (): Promise<SampleOrg> => {
    const o = await seedSampleOrg(t, `lh-${dialect}-${++n}`);
    await t.call(o.apiKey, 'PATCH', '/api/v1/org', { webhookSecret: SECRET });
    return o;
  };
  const push = async (o: SampleOrg, lines: object[]) => {
    const res = await t.app.inject(signedWebhookRequest(o.apiKey, SECRET, { lines }, 'unique'));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; inserted: number; updated: number; unchanged: number };
  };
  const only = async (o: SampleOrg) => (await t.call(o.apiKey, 'GET', '/api/v1/lines')).json().items[0] as { id: string };
  const history = async (o: SampleOrg, id: string): Promise<Entry[]> =>
    (await t.call(o.apiKey, 'GET', `/api/v1/lines/${id}`)).json().history;
  const rows = async (o: SampleOrg) =>
    (await t.db.database.db.selectFrom('order_line_history').select('id').where('org_id', '=', o.orgId).execute()).length;

  test('a new line writes no history row and shows its created entry; its first change writes that entry, then the change', async () => {
    const o = await org();
    const first = await push(o, [line()]);
    const { id } = await only(o);
    expect(await rows(o)).toBe(0);
    const created = { created: { status: 'pending', attribution: 'code' } };
    expect(await history(o, id)).toEqual([{ at: expect.any(String), importId: first.id, change: created }]);

    const unchanged = await push(o, [line()]);
    expect(unchanged).toMatchObject({ inserted: 0, unchanged: 1 });
    expect(await rows(o)).toBe(0);

    const second = await push(o, [line({ status: 'completed', completedTime: '2026-11-05T10:00:00+07:00' })]);
    expect(second).toMatchObject({ updated: 1 });
    const after = await history(o, id);
    expect(after.map((e) => [e.importId, Object.keys(e.change).sort()])).toEqual([
      [first.id, ['created']],
      [second.id, ['completedTime', 'status']],
    ]);
    expect(after[0]?.change).toEqual(created);
    expect(after[1]?.change.status).toEqual(['pending', 'completed']);
    expect(await rows(o)).toBe(2);

    // A manual assignment adds its entry after them; the created entry is not written twice.
    expect((await t.call(o.apiKey, 'PATCH', `/api/v1/lines/${id}`, { kosId: o.kos.MINH02 })).statusCode).toBe(200);
    const assigned = await history(o, id);
    expect(assigned.map((e) => Object.keys(e.change)[0])).toEqual(['created', 'status', 'kosId']);
    expect(assigned[2]).toMatchObject({ importId: null, change: { attribution: ['code', 'manual'] } });
  });

  test('a manual assignment as the first change keeps the line as created before it', async () => {
    const o = await org();
    const pushed = await push(o, [line({ orderId: 'H-2', kosCode: undefined })]);
    const { id } = await only(o);
    expect((await t.call(o.apiKey, 'PATCH', `/api/v1/lines/${id}`, { kosId: o.kos.LAN01 })).statusCode).toBe(200);
    const entries = await history(o, id);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual({
      at: expect.any(String),
      importId: pushed.id,
      change: { created: { status: 'pending', attribution: 'none' } },
    });
    expect(entries[1]?.change).toMatchObject({ kosId: [null, o.kos.LAN01], attribution: ['none', 'manual'] });
  });

  test('a line created and changed by the same push: created as first seen, then the change', async () => {
    const o = await org();
    const pushed = await push(o, [line({ orderId: 'H-3' }), line({ orderId: 'H-3', status: 'cancelled' })]);
    expect(pushed).toMatchObject({ inserted: 1, updated: 1 });
    const { id } = await only(o);
    const entries = await history(o, id);
    expect(entries.map((e) => e.change)).toEqual([
      { created: { status: 'pending', attribution: 'code' } },
      { status: ['pending', 'cancelled'] },
    ]);
    expect(entries.every((e) => e.importId === pushed.id)).toBe(true);
  });
});
