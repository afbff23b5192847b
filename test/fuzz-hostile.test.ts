import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { uploadReport } from './support/samples.js';

/** Strings an attacker or a damaged spreadsheet sends: NUL, lone surrogates, CR LF, very long values. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom('\u0000', '\r\n', '\uD800', '\uDFFF', 'a'.repeat(10_000), '=HYPERLINK("x")', '"', '%00', '\u202E'),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `https://shop.example.vn/${s}?c={click_id}`),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `https://${s}.vn/`),
);

const csvCell = (value: string) => `"${value.replaceAll('"', '""')}"`;
const RUNS = { numRuns: 40 };

describe.each(DIALECTS)('fuzzing hostile input on %s', (dialect) => {
  const t = useTestApp(dialect);

  test('link destinations: never a 5xx; a stored link redirects with a valid Location header', async () => {
    const org = await t.newOrg();
    const kos = await t.call(org.apiKey, 'POST', '/api/v1/kos', {
      code: 'FUZZ1',
      handle: `fuzz-${org.slug}`,
      name: 'F',
      relationship: 'agent',
    });
    const kosId = kos.json().id;
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (destinationUrl, other) => {
        const created = await t.call(org.apiKey, 'POST', '/api/v1/links', { kosId, destinationUrl, title: other });
        expect(created.statusCode, created.body).toBeLessThan(500);
        if (created.statusCode !== 201) return;
        const link = created.json();
        const hit = await t.app.inject({
          method: 'GET',
          url: `/${link.slug}`,
          headers: { 'user-agent': 'Mozilla/5.0 (iPhone)' },
        });
        expect(hit.statusCode).toBe(302);
        expect(hit.headers.location).toMatch(/^https?:\/\/[\u0021-\u007e]+$/);
        const patched = await t.call(org.apiKey, 'PATCH', `/api/v1/links/${link.id}`, {
          destinationUrl: other,
          campaign: destinationUrl,
        });
        expect(patched.statusCode, patched.body).toBeLessThan(500);
      }),
      RUNS,
    );
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  test('generic CSV cells: never a 5xx; every data row is counted once', async () => {
    const org = await t.newOrg();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(hostile, hostile, hostile, hostile), { minLength: 1, maxLength: 5 }), async (rows) => {
        n += 1;
        const header = 'platform,orderId,status,orderTime,quantity,grossMinor,netMinor,currency,sku,productName,kosCode,voucher';
        const body = rows.map(
          ([id, sku, name, code], i) =>
            `website,${csvCell(`F${n}-${i}-${id}`)},completed,2026-11-01 10:00:00,1,1000,1000,VND,${csvCell(sku)},${csvCell(name)},${csvCell(code)},${csvCell(id)}`,
        );
        const res = await uploadReport(t, org.apiKey, 'generic', Buffer.from(`${header}\n${body.join('\n')}\n`), 'fuzz.csv');
        expect(res.statusCode, res.body).toBeLessThan(500);
        if (res.statusCode !== 201) return;
        const report = res.json();
        expect(report.rows).toBe(rows.length);
        expect(report.inserted + report.updated + report.unchanged + report.rejected + report.skipped).toBe(rows.length);
      }),
      RUNS,
    );
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  test('Lazada JSON fields: never a 5xx; every record is counted once', async () => {
    const org = await t.newOrg();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(hostile, hostile, hostile), { minLength: 1, maxLength: 4 }), async (records) => {
        n += 1;
        const data = records.map(([sku, name, sub], i) => ({
          conversionTime: '2026-11-02 10:00:00',
          status: 'delivered',
          country: 'VN',
          orderId: `LZF${n}-${i}`,
          subOrderId: `${n}${i}`,
          sku,
          skuName: name,
          categoryL1: sub,
          currency: 'VND',
          orderAmt: '149000',
          estPayout: '8940',
          subId1: sub,
        }));
        const res = await uploadReport(t, org.apiKey, 'lazada', Buffer.from(JSON.stringify({ result: { data } })), 'lazada.json');
        expect(res.statusCode, res.body).toBeLessThan(500);
        if (res.statusCode !== 201) return;
        const report = res.json();
        expect(report.inserted + report.updated + report.unchanged + report.rejected + report.skipped).toBe(records.length);
      }),
      RUNS,
    );
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
