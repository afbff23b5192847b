import { describe, expect, test } from 'vitest';
import { useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { expectProblem } from './support/problem.js';
import { uploadReport } from './support/samples.js';

// The one-pass import (docs/imports.md, "Speed"): the file is read once, its rows staged, and stored only
// when it was read whole — a file error part-way, after more rows than one stored chunk, stores nothing.
const HEADER = 'platform,orderId,lineKey,status,orderTime,quantity,grossMinor,netMinor,currency\r\n';
const ROWS = 12_000; // more than a chunk on either database (5 000 on SQLite, 1 000 on PostgreSQL)
const line = (i: number) => `website,P-${i},1,completed,2026-11-01 10:00:00,1,1000,1000,VND\r\n`;
const body = (n: number) => Array.from({ length: n }, (_, i) => line(i)).join('');

describe.each(DIALECTS)('the one-pass import on %s', (dialect) => {
  const t = useTestApp(dialect);

  const expectNothingStored = async (apiKey: string) => {
    expect((await t.call(apiKey, 'GET', '/api/v1/lines')).json().items).toEqual([]);
    const [record] = (await t.call(apiKey, 'GET', '/api/v1/imports')).json().items;
    expect(record).toMatchObject({ status: 'failed', inserted: 0, rowsDone: 0 });
  };

  test('a quoted cell left open at the end of a long file → 422, and not one of its rows is stored', async () => {
    const org = await t.newOrg();
    const file = Buffer.from(`${HEADER}${body(ROWS)}website,P-X,1,completed,2026-11-01 10:00:00,1,1000,1000,"VN`);
    const res = await uploadReport(t, org.apiKey, 'generic', file, 'cut.csv');
    expect(expectProblem(res, 422, 'invalid').errors[0]).toMatchObject({ path: 'file', key: 'import.file.csv_unreadable' });
    await expectNothingStored(org.apiKey);
  });

  test('bytes that are not UTF-8 near the end of a long file → 422, and not one of its rows is stored', async () => {
    const org = await t.newOrg();
    const file = Buffer.concat([Buffer.from(HEADER + body(ROWS)), Buffer.from([0xc3, 0x28]), Buffer.from(',x\r\n')]);
    const res = await uploadReport(t, org.apiKey, 'generic', file, 'bad-bytes.csv');
    expect(expectProblem(res, 422, 'invalid').errors[0]).toMatchObject({ path: 'file', key: 'import.file.not_utf8' });
    await expectNothingStored(org.apiKey);
  });

  test('a readable file is stored whole through the staged rows: counts, row numbers of errors, then unchanged', async () => {
    const org = await t.newOrg();
    const rows = body(ROWS).replace(line(7_000), 'website,P-7000,1,completed,not a time,1,1000,1000,VND\r\n');
    const file = Buffer.from(HEADER + rows);
    const first = (await uploadReport(t, org.apiKey, 'generic', file, 'ok.csv')).json();
    expect(first).toMatchObject({ status: 'done', rows: ROWS, rowsDone: ROWS, inserted: ROWS - 1, rejected: 1 });
    expect(first.errors).toEqual([expect.objectContaining({ row: 7_002 })]); // the header is row 1
    const again = (await uploadReport(t, org.apiKey, 'generic', file, 'ok.csv')).json();
    expect(again).toMatchObject({ status: 'done', rows: ROWS, inserted: 0, updated: 0, unchanged: ROWS - 1, rejected: 1 });
  });
});
