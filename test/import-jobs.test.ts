import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../src/app.js';
import { insertImport, markFailed } from '../src/features/imports/imports.repository.js';
import { newId } from '../src/lib/ids.js';
import { testConfig, useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { uploadReport } from './support/samples.js';

const HEADER = 'platform,orderId,lineKey,status,orderTime,quantity,grossMinor,netMinor,currency\n';
/** A generic report of `n` lines. */
const report = (n: number, prefix = 'J') =>
  Buffer.from(
    HEADER +
      Array.from({ length: n }, (_, i) => `website,${prefix}-${i},1,completed,2026-11-01 10:00:00,1,1000,1000,VND`).join('\n'),
  );
const ASYNC = { headers: { prefer: 'respond-async' } };

/** Counts the inserts a connection sends into each table (the serving connection must send none of the import's). */
class InsertCounter implements KyselyPlugin {
  readonly tables = new Map<string, number>();
  transformQuery(args: PluginTransformQueryArgs) {
    const node = args.node as { kind: string; into?: { table: { identifier: { name: string } } } };
    if (node.kind === 'InsertQueryNode' && node.into) {
      const name = node.into.table.identifier.name;
      this.tables.set(name, (this.tables.get(name) ?? 0) + 1);
    }
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  }
}

describe.each(DIALECTS)('import jobs on %s', (dialect) => {
  const t = useTestApp(dialect);
  const uploads = mkdtempSync(join(tmpdir(), 'kos-uploads-test-'));
  const counter = new InsertCounter();
  let app: FastifyInstance;
  beforeAll(async () => {
    // An app of its own: a data folder to watch for leftover uploads, a serving connection to watch for writes.
    const watched = t.db.database.db.withPlugin(counter);
    app = await buildApp({ config: testConfig(t.db.url, { dataDir: uploads }), database: { ...t.db.database, db: watched } });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(uploads, { recursive: true, force: true });
  });
  const poll = async (key: string, id: string, until: (r: { status: string }) => boolean) => {
    for (let i = 0; i < 600; i++) {
      const r = (
        await app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: { authorization: `Bearer ${key}` } })
      ).json();
      if (until(r)) return r;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`import ${id} never reached the state`);
  };
  const leftovers = () => readdirSync(join(uploads, 'uploads'));

  test('Prefer: respond-async answers 202 {id, status} at once; polling shows rowsDone of rows, then the report', async () => {
    const org = await t.newOrg();
    const accepted = await uploadReport(t, org.apiKey, 'generic', report(3000), 'big.csv', { ...ASYNC, app });
    expect(accepted.statusCode).toBe(202);
    expect(Object.keys(accepted.json()).sort()).toEqual(['id', 'status']);
    expect(['queued', 'running']).toContain(accepted.json().status);
    const done = await poll(org.apiKey, accepted.json().id, (r) => r.status === 'done');
    expect(done).toMatchObject({ rows: 3000, rowsDone: 3000, inserted: 3000, fileName: 'big.csv' });
    expect(done.failedReason).toBeUndefined();
    expect(done).not.toHaveProperty('failedKey');
    expect(done).not.toHaveProperty('failedParams');
  });

  test('the serving connection writes no order line, history or ledger entry during an import: the background thread does', async () => {
    const org = await t.newOrg();
    counter.tables.clear();
    const res = await uploadReport(t, org.apiKey, 'generic', report(1500, 'W'), 'w.csv', { app });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'done', inserted: 1500 });
    expect(
      [...counter.tables.keys()].filter((k) => ['order_lines', 'order_line_history', 'ledger_entries', 'imports'].includes(k)),
    ).toEqual([]);
  });

  test('one file import at a time per organisation: a second waits queued; another organisation does not wait', async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const first = (await uploadReport(t, org.apiKey, 'generic', report(20000, 'A'), 'a.csv', { ...ASYNC, app })).json();
    await poll(org.apiKey, first.id, (r) => r.status === 'running');
    const second = await uploadReport(t, org.apiKey, 'generic', report(10, 'B'), 'b.csv', { ...ASYNC, app });
    expect(second.json().status).toBe('queued');
    const elsewhere = await uploadReport(t, other.apiKey, 'generic', report(10, 'C'), 'c.csv', { app });
    expect(elsewhere.json()).toMatchObject({ status: 'done', inserted: 10 });
    const stillQueued = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/imports/${second.json().id}`,
        headers: { authorization: `Bearer ${org.apiKey}` },
      })
    ).json();
    const firstNow = (
      await app.inject({ method: 'GET', url: `/api/v1/imports/${first.id}`, headers: { authorization: `Bearer ${org.apiKey}` } })
    ).json();
    if (firstNow.status === 'running') expect(stillQueued.status).toBe('queued');
    expect(await poll(org.apiKey, second.json().id, (r) => r.status === 'done')).toMatchObject({ inserted: 10 });
    expect((await poll(org.apiKey, first.id, (r) => r.status === 'done')).inserted).toBe(20000);
  });

  test('a file error fails the import with its reason and key (422 when waited for); uploads are deleted on every path', async () => {
    const org = await t.newOrg();
    const bad = await uploadReport(t, org.apiKey, 'generic', Buffer.from('a;b;c\n1;2;3\n'), 'bad.csv', { app });
    expect(bad.statusCode).toBe(422);
    const asyncBad = (
      await uploadReport(t, org.apiKey, 'generic', Buffer.from('a;b;c\n1;2;3\n'), 'bad2.csv', { ...ASYNC, app })
    ).json();
    const failed = await poll(org.apiKey, asyncBad.id, (r) => r.status === 'failed');
    expect(failed.failedReason).toMatch(/missing required column/);
    expect(failed.failedKey).toBe('import.file.missing_columns_not_comma');
    expect(failed.failedParams.columns).toContain('orderId');
    // The report's failure carries the problem the 422 answers: its key and params (docs/errors.md).
    const noNet = Buffer.from(`${HEADER.replace(',netMinor', '')}website,N-1,1,completed,2026-11-01 10:00:00,1,1000,VND\n`);
    const missingNet = (await uploadReport(t, org.apiKey, 'generic', noNet, 'no-net.csv', { ...ASYNC, app })).json();
    expect(await poll(org.apiKey, missingNet.id, (r) => r.status === 'failed')).toMatchObject({
      failedReason: 'missing required column: net',
      failedKey: 'import.file.missing_columns',
      failedParams: { columns: ['net'] },
    });
    const waited = (await uploadReport(t, org.apiKey, 'generic', noNet, 'no-net-2.csv', { app })).json();
    expect(waited).toMatchObject({ key: 'import.file.missing_columns', params: { columns: ['net'] } });
    expect((await uploadReport(t, org.apiKey, 'amazon', report(1), 'x.csv', { app })).statusCode).toBe(422);
    await uploadReport(t, org.apiKey, 'generic', report(5, 'OK'), 'ok.csv', { app });
    expect(leftovers()).toEqual([]);
  });

  test('an import left running by a killed process is failed at start-up with the rows it committed, and frees its organisation', async () => {
    const org = await t.newOrg();
    const id = newId();
    const minuteAgo = Date.now() - 60_000;
    await insertImport(t.db.database.db, {
      id,
      orgId: org.orgId,
      source: 'generic',
      fileName: 'killed.csv',
      createdBy: null,
      status: 'running',
      now: minuteAgo,
    });
    await t.db.database.db
      .updateTable('imports')
      .set({ rows: 4000, rows_total: 9000, inserted: 4000 })
      .where('id', '=', id)
      .execute();
    // And one still queued in another organisation when its process stopped.
    const other = await t.newOrg();
    const waiting = newId();
    await insertImport(t.db.database.db, {
      id: waiting,
      orgId: other.orgId,
      source: 'generic',
      fileName: 'waiting.csv',
      createdBy: null,
      status: 'queued',
      now: minuteAgo,
    });
    const restarted = await buildApp({ config: testConfig(t.db.url), database: t.db.database });
    try {
      restarted.background.start();
      const failed = await poll(org.apiKey, id, (r) => r.status === 'failed');
      expect(failed).toMatchObject({ rowsDone: 4000, rows: 9000, inserted: 4000, finishedAt: expect.any(String) });
      expect(failed.failedReason).toMatch(/stopped during this import after 4000 rows were committed/);
      expect(failed).toMatchObject({ failedKey: 'import.failed.stopped_during', failedParams: { rows: 4000 } });
      expect(await poll(other.apiKey, waiting, (r) => r.status === 'failed')).toMatchObject({
        failedReason: 'the server stopped before this import started; import the file again',
        failedKey: 'import.failed.stopped_before_start',
        failedParams: {},
      });
      const next = await uploadReport(t, org.apiKey, 'generic', report(3, 'N'), 'next.csv', { app: restarted });
      expect(next.json()).toMatchObject({ status: 'done', inserted: 3 });
    } finally {
      await restarted.close();
    }
  });

  test('an import failed before failure keys were stored answers its reason alone', async () => {
    const org = await t.newOrg();
    const id = newId();
    await insertImport(t.db.database.db, {
      id,
      orgId: org.orgId,
      source: 'generic',
      fileName: 'old.csv',
      createdBy: null,
      status: 'running',
      now: Date.now(),
    });
    await markFailed(t.db.database.db, id, 'the server stopped during this import (before an upgrade)', Date.now());
    const old = await poll(org.apiKey, id, (r) => r.status === 'failed');
    expect(old.failedReason).toBe('the server stopped during this import (before an upgrade)');
    expect(old).not.toHaveProperty('failedKey');
    expect(old).not.toHaveProperty('failedParams');
  });
});
