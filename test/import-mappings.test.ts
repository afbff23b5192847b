import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { rowXml, sheetXml, text, workbookEntries } from '../src/features/imports/read/xlsx-fixture.js';
import { zipOf } from '../src/features/imports/read/zip-fixture.js';
import { useTestApp } from './support/app.js';
import { DIALECTS } from './support/database.js';
import { uploadReport } from './support/samples.js';

// Saved column mappings (docs/import-mappings.md): CRUD, imports by mapping name, the preview, presets.
const FIXTURES = join(import.meta.dirname, 'fixtures', 'mappings');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

describe.each(DIALECTS)('import mappings on %s', (dialect) => {
  const t = useTestApp(dialect);
  const cnyOrg = () => t.newOrg({ currency: 'CNY', timezone: 'Asia/Shanghai' });
  const presetMapping = async (key: string, apiKey: string) => {
    const res = await t.call(apiKey, 'GET', '/api/v1/import-mappings/presets');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { key: string; mapping: Record<string, unknown> }[]).find((p) => p.key === key)?.mapping;
  };
  const preview = async (apiKey: string, file: Buffer, name: string, mapping?: unknown) => {
    const form = new FormData();
    form.set('file', new Blob([file]), name);
    if (mapping !== undefined) form.set('mapping', typeof mapping === 'string' ? mapping : JSON.stringify(mapping));
    const encoded = new Response(form);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/import-mappings/preview',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': encoded.headers.get('content-type') as string },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
  };
  const paths = (res: { json(): unknown }) => ((res.json() as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);

  test('create refuses a bad name, a built-in name, a missing required column, a bad date format or time zone', async () => {
    const o = await cnyOrg();
    const base = (await presetMapping('douyin_alliance', o.apiKey)) as Record<string, unknown>;
    const post = (body: Record<string, unknown>) => t.call(o.apiKey, 'POST', '/api/v1/import-mappings', body);
    const badName = await post({ ...base, name: 'Douyin!' });
    expect(badName.statusCode).toBe(422);
    expect(paths(badName)).toEqual(['name']);
    const builtin = await post({ ...base, name: 'shopee' });
    expect(builtin.statusCode).toBe(422);
    expect(builtin.json().errors[0]).toMatchObject({ path: 'name', key: 'import_mapping.name.reserved' });
    expect((await post({ ...base, name: 'webhook' })).statusCode).toBe(422);
    const { orderTime: _o, ...columns } = base.columns as Record<string, string>;
    const missing = await post({ ...base, name: 'dy_missing', columns });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0]).toMatchObject({ path: 'columns.orderTime', key: 'import_mapping.column.required' });
    const date = await post({ ...base, name: 'dy_date', dateFormat: 'dd/MMM/yyyy' });
    expect(date.statusCode).toBe(422);
    expect(date.json().errors[0]).toMatchObject({ path: 'dateFormat', key: 'import_mapping.date_format.invalid' });
    const zone = await post({ ...base, name: 'dy_zone', timezone: 'Mars/Olympus' });
    expect(zone.statusCode).toBe(422);
    expect(paths(zone)).toEqual(['timezone']);
    const created = await post({ ...base, name: 'douyin_main' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: 'douyin_main', platform: 'douyin', headerRow: 1, used: false });
    expect((await post({ ...base, name: 'douyin_main' })).statusCode).toBe(409);
  });

  test('list, get, patch and delete; other orgs see 404; viewers may not write', async () => {
    const o = await cnyOrg();
    const other = await cnyOrg();
    const base = (await presetMapping('xiaohongshu_orders', o.apiKey)) as Record<string, unknown>;
    for (const name of ['xhs_a', 'xhs_b', 'xhs_c'])
      expect((await t.call(o.apiKey, 'POST', '/api/v1/import-mappings', { ...base, name })).statusCode).toBe(201);
    const first = await t.call(o.apiKey, 'GET', '/api/v1/import-mappings?limit=2');
    expect(first.json().items).toHaveLength(2);
    const rest = await t.call(o.apiKey, 'GET', `/api/v1/import-mappings?limit=2&cursor=${first.json().nextCursor}`);
    expect(rest.json()).toMatchObject({ items: [{}], nextCursor: null });
    const id = first.json().items[0].id as string;
    expect((await t.call(o.apiKey, 'GET', `/api/v1/import-mappings/${id}`)).json()).toMatchObject({ id });
    expect((await t.call(other.apiKey, 'GET', `/api/v1/import-mappings/${id}`)).statusCode).toBe(404);
    const patched = await t.call(o.apiKey, 'PATCH', `/api/v1/import-mappings/${id}`, {
      name: 'xhs_renamed',
      amountUnit: 'minor',
      decimalMark: null,
      statuses: { 已完成: 'completed' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      name: 'xhs_renamed',
      amountUnit: 'minor',
      decimalMark: null,
      statuses: { 已完成: 'completed' },
    });
    expect((await t.call(o.apiKey, 'PATCH', `/api/v1/import-mappings/${id}`, { name: 'xhs_b' })).statusCode).toBe(409);
    const badPatch = await t.call(o.apiKey, 'PATCH', `/api/v1/import-mappings/${id}`, { columns: { orderId: '订单号' } });
    expect(badPatch.statusCode).toBe(422);
    const viewer = await t.call(o.apiKey, 'POST', '/api/v1/api-keys', { name: 'v', role: 'viewer' });
    const viewerKey = viewer.json().key as string;
    expect((await t.call(viewerKey, 'GET', '/api/v1/import-mappings')).statusCode).toBe(200);
    expect((await t.call(viewerKey, 'DELETE', `/api/v1/import-mappings/${id}`)).statusCode).toBe(403);
    expect((await t.call(o.apiKey, 'DELETE', `/api/v1/import-mappings/${id}`)).statusCode).toBe(204);
    expect((await t.call(o.apiKey, 'GET', `/api/v1/import-mappings/${id}`)).statusCode).toBe(404);
  });

  test('imports by mapping name: inserted, re-import unchanged, a bad status a row error; the name is then fixed', async () => {
    const o = await cnyOrg();
    const base = (await presetMapping('douyin_alliance', o.apiKey)) as Record<string, unknown>;
    const created = await t.call(o.apiKey, 'POST', '/api/v1/import-mappings', { ...base, name: 'douyin_main' });
    const id = created.json().id as string;
    const unknown = await uploadReport(t, o.apiKey, 'douyin_other', fixture('douyin.csv'), 'douyin.csv');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'source', key: 'field.invalid_option' });
    expect(unknown.json().errors[0].params.options).toContain('douyin_main');
    const first = await uploadReport(t, o.apiKey, 'douyin_main', fixture('douyin.csv'), 'douyin.csv');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ source: 'douyin_main', rows: 3, inserted: 3, rejected: 0 });
    const lines = (await t.call(o.apiKey, 'GET', '/api/v1/lines?limit=50')).json().items as Record<string, unknown>[];
    const two = lines.find((l) => l.orderId === '6931000000000000002');
    expect(two).toMatchObject({
      source: 'douyin_main',
      platform: 'douyin',
      lineKey: '3600000000000000002',
      status: 'pending',
      rawStatus: '已付款',
      quantity: 2,
      grossMinor: 119800,
      netMinor: 109850,
      platformCommissionMinor: 10985,
      currency: 'CNY',
      contentType: 'video',
      orderTime: expect.stringMatching(/^2024-05-02T13:30:15(\.000)?(Z|\+00:00)$/),
    });
    const again = await uploadReport(t, o.apiKey, 'douyin_main', fixture('douyin.csv'), 'douyin.csv');
    expect(again.json()).toMatchObject({ rows: 3, inserted: 0, updated: 0, unchanged: 3 });
    const bad = Buffer.from(fixture('douyin.csv').toString('utf8').replace('已退款', '已拒收'));
    const rejected = await uploadReport(t, o.apiKey, 'douyin_main', bad, 'bad.csv');
    expect(rejected.json()).toMatchObject({ rejected: 1, unchanged: 2 });
    expect(rejected.json().errors[0]).toMatchObject({ row: 4, field: 'status', key: 'import.cell.unknown_status' });
    const rename = await t.call(o.apiKey, 'PATCH', `/api/v1/import-mappings/${id}`, { name: 'douyin_new' });
    expect(rename.statusCode).toBe(409);
    expect(rename.json()).toMatchObject({ key: 'import_mapping.name.used' });
    const still = await t.call(o.apiKey, 'PATCH', `/api/v1/import-mappings/${id}`, {
      statuses: { ...(base.statuses as object), 已拒收: 'cancelled' },
    });
    expect(still.json()).toMatchObject({ name: 'douyin_main', used: true });
    const imports = (await t.call(o.apiKey, 'GET', '/api/v1/imports')).json().items as { source: string }[];
    expect(imports.every((i) => i.source === 'douyin_main')).toBe(true);
  });

  test('a Xiaohongshu preset with `,` as decimal mark and a day-first date, headers on row 3, semicolons', async () => {
    const o = await cnyOrg();
    const base = (await presetMapping('xiaohongshu_orders', o.apiKey)) as Record<string, unknown>;
    const csv = fixture('xiaohongshu.csv')
      .toString('utf8')
      .replace(/(\d)\.(\d\d)\b/g, '$1|$2')
      .replaceAll(',', ';')
      .replaceAll('|', ',')
      .replace(/(\d{4})-(\d\d)-(\d\d)/g, '$3/$2/$1');
    const res = await t.call(o.apiKey, 'POST', '/api/v1/import-mappings', {
      ...base,
      name: 'xhs_eu',
      delimiter: ';',
      headerRow: 3,
      decimalMark: ',',
      dateFormat: 'dd/MM/yyyy HH:mm:ss',
    });
    expect(res.statusCode, res.body).toBe(201);
    const report = await uploadReport(
      t,
      o.apiKey,
      'xhs_eu',
      Buffer.from(`小红书订单导出;;\n导出时间 2024-06-10;;\n${csv}`),
      'x.csv',
    );
    expect(report.json()).toMatchObject({ rows: 3, inserted: 3, rejected: 0 });
    const line = ((await t.call(o.apiKey, 'GET', '/api/v1/lines?limit=50')).json().items as Record<string, unknown>[]).find(
      (l) => l.orderId === 'P700000000000002',
    );
    expect(line).toMatchObject({ lineKey: 'XHS-MASK', netMinor: 24030, status: 'pending', quantity: 3 });
  });

  test('an XLSX mapping: header on row 2 under a banner, minor units; a CSV file is a file error', async () => {
    const o = await t.newOrg({ currency: 'VND', timezone: 'Asia/Ho_Chi_Minh' });
    const created = await t.call(o.apiKey, 'POST', '/api/v1/import-mappings', {
      name: 'brand_shop',
      platform: 'website',
      format: 'xlsx',
      headerRow: 2,
      columns: {
        orderId: 'Mã đơn',
        status: 'Trạng thái',
        orderTime: 'Ngày',
        grossMinor: 'Tổng',
        netMinor: 'Thực trả',
        sku: 'SKU',
      },
      statuses: { 'Đã giao': 'completed', 'Đã hủy': 'cancelled' },
      amountUnit: 'minor',
      dateFormat: 'dd/MM/yyyy HH:mm',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ decimalMark: null, delimiter: null, timezone: null, currency: null });
    const rows = [
      rowXml(1, [text('Báo cáo đơn hàng tháng 5')]),
      rowXml(2, ['Mã đơn', 'Trạng thái', 'Ngày', 'Tổng', 'Thực trả', 'SKU'].map(text)),
      rowXml(3, ['W-1', 'ĐÃ GIAO', '01/05/2024 09:30', '150000', '140000', 'SEN-50'].map(text)),
      rowXml(4, ['W-2', 'Đã Huỷ', '02/05/2024 10:00', '90000', '90000', 'SEN-50'].map(text)),
    ];
    const workbook = zipOf(workbookEntries({ sheets: [{ name: 'Orders', xml: sheetXml(rows) }] }));
    const report = await uploadReport(t, o.apiKey, 'brand_shop', workbook, 'orders.xlsx');
    expect(report.json()).toMatchObject({ source: 'brand_shop', rows: 2, inserted: 2, rejected: 0 });
    const line = ((await t.call(o.apiKey, 'GET', '/api/v1/lines?limit=50')).json().items as Record<string, unknown>[]).find(
      (l) => l.orderId === 'W-1',
    );
    expect(line).toMatchObject({
      lineKey: 'SEN-50',
      status: 'completed',
      netMinor: 140000,
      currency: 'VND',
      platform: 'website',
    });
    const csv = await uploadReport(t, o.apiKey, 'brand_shop', Buffer.from('a,b\n1,2\n'), 'x.csv');
    expect(csv.statusCode).toBe(422);
    expect(csv.json()).toMatchObject({ key: 'import_mapping.file.format' });
  });

  test('the preview answers headers, parsed rows, row errors, status texts and suggestions', async () => {
    const o = await cnyOrg();
    const empty = await preview(o.apiKey, fixture('douyin.csv'), 'douyin.csv');
    expect(empty.statusCode, empty.body).toBe(200);
    const body = empty.json();
    expect(body.headers[0]).toBe('订单ID');
    expect(body.statusTexts).toEqual(['已结算', '已付款', '已退款']);
    expect(body.suggestions.columns).toMatchObject({ status: '订单状态', orderTime: '付款时间', netMinor: '支付金额' });
    expect(body.rows[0]).toMatchObject({ row: 2, parsed: null, cells: { 订单状态: '已结算' } });
    expect(body.rows[0].errors.map((e: { field: string; key: string }) => `${e.field} ${e.key}`)).toEqual(
      ['orderId', 'status', 'orderTime', 'grossMinor', 'netMinor'].map((f) => `${f} import_mapping.column.unmapped`),
    );
    const mapping = (await presetMapping('douyin_alliance', o.apiKey)) as Record<string, unknown>;
    const { 已退款: _refunded, ...statuses } = mapping.statuses as Record<string, string>;
    const mapped = await preview(o.apiKey, fixture('douyin.csv'), 'douyin.csv', { ...mapping, statuses });
    const rows = mapped.json().rows;
    expect(rows[0]).toMatchObject({
      row: 2,
      errors: [],
      parsed: {
        orderId: '6931000000000000001',
        status: 'completed',
        netMinor: 11900,
        kosCode: null,
        orderTime: '2024-05-01T02:00:00.000Z',
      },
    });
    expect(rows[2]).toMatchObject({ row: 4, parsed: null, errors: [{ field: 'status', key: 'import.cell.unknown_status' }] });
    const badJson = await preview(o.apiKey, fixture('douyin.csv'), 'douyin.csv', '{nope');
    expect(badJson.statusCode).toBe(422);
    expect(paths(badJson)).toEqual(['mapping']);
    const badField = await preview(o.apiKey, fixture('douyin.csv'), 'douyin.csv', { dateFormat: 'QQ' });
    expect(paths(badField)).toEqual(['mapping.dateFormat']);
  });
});
