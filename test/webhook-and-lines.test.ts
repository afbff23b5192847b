import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { claimSignature, pruneSignatures, releaseSignature } from '../src/features/imports/webhook-replay.repository.js';
import { useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { codeBlocks } from './support/markdown-code.js';
import { expectProblem } from './support/problem.js';
import { type SampleOrg, seedSampleOrg, uploadReport } from './support/samples.js';
import { signedWebhookRequest, signWebhook } from './support/webhook-signing.js';

const SECRET = 'whsec-0123456789abcdef';
const DOCS = join(import.meta.dirname, '..', 'docs', 'webhooks.md');
const run = promisify(execFile);
const seconds = () => Math.floor(Date.now() / 1000);
const line = (over: object = {}) => ({
  platform: 'website',
  orderId: 'WH-1',
  status: 'pending',
  orderTime: '2026-11-02T10:00:00+07:00',
  quantity: 1,
  grossMinor: 159000,
  netMinor: 159000,
  currency: 'VND',
  kosCode: 'lan01',
  ...over,
});

afterEach(() => {
  vi.useRealTimers();
});

describe.each(DIALECTS)('webhook, manual attribution and file errors on %s', (dialect) => {
  const t = useTestApp(dialect);
  let n = 0;
  const org = async (plan = false): Promise<SampleOrg> => {
    const o = await seedSampleOrg(t, `wh-${dialect}-${++n}`);
    await t.call(o.apiKey, 'PATCH', '/api/v1/org', { webhookSecret: SECRET });
    if (plan) await t.call(o.apiKey, 'POST', '/api/v1/plans', { name: 'Default', validFrom: '2026-01-01', rateBps: 1000 });
    return o;
  };
  const push = (o: SampleOrg, body: object, secret: string | null = SECRET, timestamp?: number) =>
    t.app.inject(signedWebhookRequest(o.apiKey, secret, body, timestamp));
  const lines = async (o: SampleOrg) => (await t.call(o.apiKey, 'GET', '/api/v1/lines')).json().items;
  const imports = async (o: SampleOrg) => (await t.call(o.apiKey, 'GET', '/api/v1/imports')).json().items;
  const ledger = async (o: SampleOrg) => (await t.call(o.apiKey, 'GET', '/api/v1/ledger?limit=500')).json().items;
  const signatures = async (o: SampleOrg) =>
    (await t.db.database.db.selectFrom('webhook_signatures').select('signature').where('org_id', '=', o.orgId).execute()).length;
  /** Everything a push could have stored for the org. */
  const stored = async (o: SampleOrg) => ({ lines: await lines(o), imports: await imports(o), ledger: await ledger(o) });

  test('a signed push stores lines with source webhook; the same lines signed again change nothing', async () => {
    const o = await org();
    const body = {
      lines: [line(), line({ orderId: 'WH-2', kosCode: undefined, voucher: 'lan10' }), line({ orderId: 'WH-3', quantity: 0 })],
    };
    const first = await push(o, body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      source: 'webhook',
      rows: 3,
      inserted: 2,
      rejected: 1,
      errors: [{ row: 3, field: 'quantity' }],
    });
    const stored = await lines(o);
    expect(
      stored.map((l: { source: string; kosCode: string; attribution: string }) => [l.source, l.kosCode, l.attribution]),
    ).toEqual([
      ['webhook', 'LAN01', 'code'],
      ['webhook', 'LAN01', 'voucher'],
    ]);
    const again = await push(o, body, SECRET, seconds() + 1);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
  });

  // The defect: the signature covered only the body, so a captured request could be sent again later and
  // put a line back in an old state (returned → completed booked a new sale entry).
  test.each([
    {
      name: 'captured "returned", replayed after "completed"',
      captured: 'returned',
      later: 'completed',
      ledgerBefore: [
        ['sale', 'void'],
        ['sale', 'pending'],
      ],
    },
    {
      name: 'captured "completed", replayed after "returned"',
      captured: 'completed',
      later: 'returned',
      ledgerBefore: [['sale', 'void']],
    },
  ])(
    'replay of a $name → 409, the line and the ledger unchanged; 11 minutes later → 401',
    async ({ captured, later, ledgerBefore }) => {
      const o = await org(true);
      const state = (status: string) => ({
        lines: [line({ orderId: 'RP-1', status, completedTime: '2026-11-04T10:00:00+07:00', kosCode: 'LAN01' })],
      });
      const start = seconds();
      expect((await push(o, state('pending'))).statusCode).toBe(201);
      const capture = signedWebhookRequest(o.apiKey, SECRET, state(captured), start);
      expect((await t.app.inject(capture)).statusCode).toBe(201);
      const after = await t.app.inject(signedWebhookRequest(o.apiKey, SECRET, state(later), start));
      expect(after.statusCode).toBe(201);
      const before = await stored(o);
      expect(before.lines).toMatchObject([{ orderId: 'RP-1', status: later }]);
      expect(before.ledger.map((e: { kind: string; status: string }) => [e.kind, e.status])).toEqual(ledgerBefore);

      const replay = await t.app.inject(capture);
      expectProblem(replay, 409, 'conflict');
      expect(replay.json().detail).toMatch(/already accepted/);
      expect(await stored(o)).toEqual(before);

      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 11 * 60_000);
      const late = await t.app.inject(capture);
      expectProblem(late, 401, 'unauthorized');
      expect(late.json().detail).toMatch(/X-Kos-Timestamp is more than 300 s/);
      expect(await stored(o)).toEqual(before);
    },
  );

  test('two identical signed requests at once: one is stored, the other answers 409', async () => {
    const o = await org();
    const request = signedWebhookRequest(o.apiKey, SECRET, { lines: [line({ orderId: 'RACE-1' })] });
    const answers = await Promise.all([t.app.inject(request), t.app.inject(request), t.app.inject(request)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await imports(o)).toHaveLength(1);
  });

  test('two orgs sharing a secret may send the same body in the same second: no false replay', async () => {
    const [a, b] = [await org(), await org()];
    const body = { lines: [line({ orderId: 'SHARED-1' })] };
    const ts = seconds();
    expect((await push(a, body, SECRET, ts)).statusCode).toBe(201);
    expect((await push(b, body, SECRET, ts)).statusCode).toBe(201);
    expect((await push(a, body, SECRET, ts)).statusCode).toBe(409);
  });

  const unsigned = (o: SampleOrg, raw: string, headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/orders',
      headers: { authorization: `Bearer ${o.apiKey}`, 'content-type': 'application/json', ...headers },
      payload: raw,
    });
  const RAW = JSON.stringify({ lines: [line()] });
  const hex = (headers: Record<string, string>) => headers['X-Kos-Signature']?.slice('sha256='.length) as string;

  test.each([
    { name: 'unsigned', headers: () => ({}), detail: /unsigned request/ },
    { name: 'signed with the wrong secret', headers: () => signWebhook('not-the-secret-at-all', RAW), detail: /does not match/ },
    {
      name: 'without X-Kos-Timestamp (signed the old way, over the body only)',
      headers: () => ({ 'X-Kos-Signature': signWebhook(SECRET, RAW)['X-Kos-Signature'] }),
      detail: /missing X-Kos-Timestamp/,
    },
    {
      name: 'without X-Kos-Signature',
      headers: () => ({ 'X-Kos-Timestamp': String(seconds()) }),
      detail: /missing X-Kos-Signature/,
    },
    { name: 'a timestamp 301 s in the past', headers: () => signWebhook(SECRET, RAW, seconds() - 301), detail: /300 s/ },
    { name: 'a timestamp 301 s in the future', headers: () => signWebhook(SECRET, RAW, seconds() + 301), detail: /300 s/ },
    {
      name: 'a timestamp in milliseconds',
      headers: () => signWebhook(SECRET, RAW, Date.now()),
      detail: /unix seconds: 1 to 12 digits/,
    },
    {
      name: 'a signature without sha256=',
      headers: () => ({ ...signWebhook(SECRET, RAW), 'X-Kos-Signature': hex(signWebhook(SECRET, RAW)) }),
      detail: /sha256=<64 hex digits>/,
    },
  ])('$name → 401 naming the fault, nothing stored', async ({ headers, detail }) => {
    const o = await org();
    const sent: Record<string, string> = headers();
    const res = await unsigned(o, RAW, sent);
    const problem = expectProblem(res, 401, 'unauthorized');
    expect(problem.detail).toMatch(detail);
    // The answer never shows the signature the server expected.
    expect(res.body).not.toContain(hex(signWebhook(SECRET, RAW, Number(sent['X-Kos-Timestamp'] ?? seconds()))));
    expect(await stored(o)).toEqual({ lines: [], imports: [], ledger: [] });
    expect(await signatures(o)).toBe(0);
  });

  test('a body tampered after signing → 401, nothing stored', async () => {
    const o = await org();
    const res = await unsigned(o, RAW.replace('159000', '1'), signWebhook(SECRET, RAW));
    expectProblem(res, 401, 'unauthorized');
    expect(await stored(o)).toEqual({ lines: [], imports: [], ledger: [] });
  });

  test('an org without a webhook secret → 401 saying how to set one', async () => {
    const o = await org();
    await t.call(o.apiKey, 'PATCH', '/api/v1/org', { webhookSecret: null });
    const res = await push(o, { lines: [line()] });
    expect(expectProblem(res, 401, 'unauthorized').detail).toMatch(/PATCH \/api\/v1\/org/);
    expect(await lines(o)).toEqual([]);
  });

  test('a signed request that fails (422) gives its signature back: the identical request can be retried', async () => {
    const o = await org();
    const broken = signedWebhookRequest(o.apiKey, SECRET, '{"lines": [');
    expectProblem(await t.app.inject(broken), 422, 'invalid');
    expectProblem(await t.app.inject(broken), 422, 'invalid');
    const empty = signedWebhookRequest(o.apiKey, SECRET, { lines: [] });
    expectProblem(await t.app.inject(empty), 422, 'invalid');
    expectProblem(await t.app.inject(empty), 422, 'invalid');
    expect(await signatures(o)).toBe(0);
    expect(await stored(o)).toEqual({ lines: [], imports: [], ledger: [] });
  });

  test('replay guard in the database: one claim wins a race; release, take-over after 600 s, prune', async () => {
    const { db } = t.db.database;
    const o = await org();
    const now = Date.now();
    const claim = { signature: `race-${dialect}-${n}`, orgId: o.orgId, seenAt: now };
    const won = await Promise.all(Array.from({ length: 6 }, () => claimSignature(db, claim, 600_000)));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await claimSignature(db, { ...claim, seenAt: now + 599_999 }, 600_000)).toBe(false);
    await releaseSignature(db, claim);
    expect(await claimSignature(db, claim, 600_000)).toBe(true);
    const later = { ...claim, seenAt: now + 600_000 };
    expect(await claimSignature(db, later, 600_000)).toBe(true);
    await releaseSignature(db, claim); // no longer its row: the take-over stays
    expect(await claimSignature(db, { ...claim, seenAt: now + 600_001 }, 600_000)).toBe(false);
    expect(await pruneSignatures(db, now + 600_000)).toBeGreaterThanOrEqual(1);
    expect(await claimSignature(db, { ...claim, seenAt: now + 600_002 }, 600_000)).toBe(true);
  });

  let served: string | undefined;
  /** The app on a real port (for the docs' examples, which use fetch, urllib and curl). */
  const serve = async () => (served ??= await t.app.listen({ host: '127.0.0.1', port: 0 }));

  test.each([
    { language: 'js', command: process.execPath, file: 'push-orders.mjs', orderId: 'SO-1001' },
    { language: 'python', command: 'python3', file: 'push_orders.py', orderId: 'SO-1002' },
    { language: 'sh', command: 'bash', file: 'push-orders.sh', orderId: 'SO-1003' },
  ])('the $language example of docs/webhooks.md pushes a line', async ({ language, command, file, orderId }) => {
    const o = await org();
    const [code] = codeBlocks(DOCS, language).filter((block) => block.includes('webhooks/orders'));
    expect(code).toBeDefined();
    const path = join(mkdtempSync(join(tmpdir(), 'kos-docs-')), file);
    writeFileSync(path, code as string);
    const env = { ...process.env, KOS_URL: await serve(), KOS_API_KEY: o.apiKey, KOS_WEBHOOK_SECRET: SECRET };
    const { stdout } = await run(command, [path], { env, timeout: 20_000 });
    expect(stdout).toMatch(/^201\b/m);
    expect((await lines(o)).map((l: { orderId: string; source: string }) => [l.orderId, l.source])).toEqual([
      [orderId, 'webhook'],
    ]);
    rmSync(dirname(path), { recursive: true, force: true });
  });

  test('manual assignment sticks: a later import never overrides it; history records it', async () => {
    const o = await org();
    await push(o, { lines: [line({ orderId: 'WH-9', kosCode: undefined })] });
    const [unassigned] = await lines(o);
    expect(unassigned.attribution).toBe('none');
    const patched = await t.call(o.apiKey, 'PATCH', `/api/v1/lines/${unassigned.id}`, { kosId: o.kos.MINH02 });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ kosCode: 'MINH02', attribution: 'manual' });
    await push(o, { lines: [line({ orderId: 'WH-9', kosCode: 'LAN01', status: 'completed' })] });
    const [after] = await lines(o);
    expect(after).toMatchObject({ kosCode: 'MINH02', attribution: 'manual', status: 'completed' });
    const detail = (await t.call(o.apiKey, 'GET', `/api/v1/lines/${after.id}`)).json();
    expect(detail.history.length).toBeGreaterThanOrEqual(3);
    const other = await seedSampleOrg(t, `wh-other-${dialect}-${n}`);
    expect((await t.call(other.apiKey, 'PATCH', `/api/v1/lines/${after.id}`, { kosId: other.kos.LAN01 })).statusCode).toBe(404);
    expect((await t.call(o.apiKey, 'PATCH', `/api/v1/lines/${after.id}`, { kosId: other.kos.LAN01 })).statusCode).toBe(404);
  });

  test('an unattributed line is attributed by a later import that finds a match (counts as updated)', async () => {
    const o = await org();
    await push(o, { lines: [line({ orderId: 'WH-20', kosCode: 'NOBODY1' })] });
    await t.call(o.apiKey, 'POST', '/api/v1/kos', {
      code: 'NOBODY1',
      handle: `nobody-${dialect}-${n}`,
      name: 'N',
      relationship: 'agent',
    });
    // The same body signed again (a new timestamp): the identical request would be a replay.
    const again = await push(o, { lines: [line({ orderId: 'WH-20', kosCode: 'NOBODY1' })] }, SECRET, seconds() + 1);
    expect(again.json()).toMatchObject({ updated: 1, unchanged: 0 });
    expect((await lines(o))[0]).toMatchObject({ kosCode: 'NOBODY1', attribution: 'code' });
  });

  test('a file error answers 422 naming the problem, stores no line, and leaves the import failed with its reason', async () => {
    const o = await org();
    const semicolons = Buffer.from(
      'platform;orderId;status;orderTime;quantity;currency;grossMinor;netMinor\nwebsite;X1;pending;2026-11-01 10:00:00;1;VND;100;100\n',
    );
    const res = await uploadReport(t, o.apiKey, 'generic', semicolons, 'bad.csv');
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/missing required column/);
    const truncated = Buffer.from(
      'platform,orderId,status,orderTime,quantity,currency,grossMinor,netMinor\nwebsite,X1,pending,2026-11-01 10:00:00,1,VND,100,100\nwebsite,"X2,pending',
    );
    expect((await uploadReport(t, o.apiKey, 'generic', truncated, 'cut.csv')).statusCode).toBe(422);
    expect(await lines(o)).toEqual([]);
    const failed = (await t.call(o.apiKey, 'GET', '/api/v1/imports')).json().items;
    expect(failed.map((i: { status: string; fileName: string }) => [i.status, i.fileName])).toEqual([
      ['failed', 'cut.csv'],
      ['failed', 'bad.csv'],
    ]);
    expect(failed[1].failedReason).toMatch(/missing required column/);
    expect(failed[1]).toMatchObject({
      failedKey: 'import.file.missing_columns_not_comma',
      failedParams: { columns: expect.any(Array) },
    });
    expect(failed[0].failedKey).toMatch(/^import\.file\./);
    expect(failed[1]).toMatchObject({ rowsDone: 0, inserted: 0, finishedAt: expect.any(String) });
    const badSource = await uploadReport(t, o.apiKey, 'amazon', semicolons, 'x.csv');
    expect(badSource.statusCode).toBe(422);
    expect(badSource.json().errors[0].path).toBe('source');
  });

  test('imports need an owner or admin; another org cannot read an import', async () => {
    const o = await org();
    const viewer = (await t.call(o.apiKey, 'POST', '/api/v1/api-keys', { name: 'v', role: 'viewer' })).json().key;
    expect((await uploadReport(t, viewer, 'generic', Buffer.from('x'), 'x.csv')).statusCode).toBe(403);
    await push(o, { lines: [line()] });
    const [imported] = (await t.call(o.apiKey, 'GET', '/api/v1/imports')).json().items;
    expect((await t.call(o.apiKey, 'GET', `/api/v1/imports/${imported.id}`)).statusCode).toBe(200);
    const other = await org();
    expect((await t.call(other.apiKey, 'GET', `/api/v1/imports/${imported.id}`)).statusCode).toBe(404);
  });
});
