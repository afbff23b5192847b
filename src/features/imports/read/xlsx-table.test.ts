import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { problem } from '../../../lib/problems/problem.js';
import { FileError, type ParseContext, type ParsedRow } from '../import-types.js';
import { genericParser } from '../parsers/generic.js';
import { openTable } from './table.js';
import {
  type CellSpec,
  inline,
  num,
  rowXml,
  shared,
  sheetXml,
  text,
  type WorkbookSpec,
  workbookEntries,
} from './xlsx-fixture.js';
import { zipOf } from './zip-fixture.js';

const ctx: ParseContext = { currency: 'VND', timezone: 'Asia/Ho_Chi_Minh', skuForShopeeItem: () => undefined };
const dir = mkdtempSync(join(tmpdir(), 'kos-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function save(spec: WorkbookSpec): string {
  const path = join(dir, `book-${++files}.xlsx`);
  writeFileSync(path, zipOf(workbookEntries(spec)));
  return path;
}

/** Every data row of the file as plain objects keyed by normalised header. */
async function cellsOf(path: string): Promise<{ row: number; cells: Record<string, string> }[]> {
  const out = [];
  for await (const row of (await openTable(path)).rows()) out.push({ row: row.row, cells: Object.fromEntries(row.cells) });
  return out;
}

async function generic(path: string): Promise<ParsedRow[]> {
  const table = await openTable(path);
  const map = genericParser.prepare(table, ctx);
  const out: ParsedRow[] = [];
  for await (const row of table.rows()) out.push(map(row));
  return out;
}

/** The Excel serial (1900 system) of a wall time. */
const serial = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}Z`) / 86_400_000 + 25_569;
const oneSheet = (rows: string[]) => [{ name: 'Orders', xml: sheetXml(rows) }];
/** A header row then one data row, every cell an inline string unless given. */
const table = (header: string[], data: (CellSpec | null)[]) => oneSheet([rowXml(1, header.map(text)), rowXml(2, data)]);

describe('XLSX part order', () => {
  const HEADER = [
    'platform',
    'orderId',
    'status',
    'orderTime',
    'quantity',
    'currency',
    'grossAmount',
    'netAmount',
    'productName',
  ];
  const STRINGS = [...HEADER, 'website', 'O1', 'pending', 'VND', 'Sữa rửa mặt & "serum"'];
  const cells = [shared(9), shared(10), shared(11), num(serial('2026-11-01 10:00:00'), 1), num(2), shared(12), num(1000)];
  const book = (order: WorkbookSpec['order']): WorkbookSpec => ({
    sheets: oneSheet([
      rowXml(
        1,
        HEADER.map((_, i) => shared(i)),
      ),
      rowXml(2, [...cells, num(950.5), shared(13)]),
    ]),
    sharedStrings: STRINGS,
    styles: [0, 22],
    order,
  });

  test('shared strings after the worksheet (as Excel writes; also as the last part) import like shared strings first', async () => {
    const first = await generic(save(book('shared-strings-first')));
    expect(await generic(save(book('excel')))).toEqual(first);
    expect(await generic(save(book('shared-strings-last')))).toEqual(first);
    expect(first).toEqual([
      {
        row: 2,
        line: expect.objectContaining({
          orderId: 'O1',
          orderTime: Date.parse('2026-11-01T10:00:00+07:00'),
          quantity: 2,
          grossMinor: 1000,
          netMinor: 951,
          productName: 'Sữa rửa mặt & "serum"',
        }),
      },
    ]);
  });

  test('a cell naming a shared string the workbook lacks → FileError', async () => {
    const path = save({ sheets: oneSheet([rowXml(1, [text('a')]), rowXml(2, [shared(5)])]), sharedStrings: ['x'] });
    await expect(cellsOf(path)).rejects.toThrow(FileError);
    await expect(cellsOf(path)).rejects.toThrow(/shared string 5/);
  });
});

describe('XLSX cell types', () => {
  test('inline strings: plain, rich runs, phonetic runs left out, entities and _xHHHH_ escapes', async () => {
    const data = [
      text('Kem chống nắng'),
      inline('<r><rPr><b/></rPr><t>Se</t></r><r><t xml:space="preserve">rum </t></r><rPh sb="0" eb="1"><t>セ</t></rPh>'),
      inline('<t>a &lt;b&gt; &#x1F600; &#233; line_x000D_break _x005F_x0041_</t>'),
    ];
    expect(await cellsOf(save({ sheets: table(['a', 'b', 'c'], data) }))).toEqual([
      { row: 2, cells: { a: 'Kem chống nắng', b: 'Serum ', c: 'a <b> 😀 é line\rbreak _x0041_' } },
    ]);
  });

  test('t="str" formula results, booleans, errors and numbers with formulas', async () => {
    const data: CellSpec[] = [
      { t: 'str', inner: '<f>A1&amp;"x"</f><v>SKU-9</v>' },
      { t: 'b', inner: '<v>1</v>' },
      { t: 'b', inner: '<v>0</v>' },
      { t: 'e', inner: '<f>1/0</f><v>#DIV/0!</v>' },
      { inner: '<f>1+1</f><v>2</v>' },
      { t: 'n', inner: '<v>0.1</v>' },
    ];
    expect(await cellsOf(save({ sheets: table(['a', 'b', 'c', 'd', 'e', 'f'], data) }))).toEqual([
      { row: 2, cells: { a: 'SKU-9', b: 'true', c: 'false', d: '#DIV/0!', e: '2', f: '0.1' } },
    ]);
  });

  test('an integer id past 2^53 shows as Excel-style damage; safe integers and decimals as written', async () => {
    const data = [num('9007199254740993'), num('2.42754185309123E+17'), num('577000000000'), num('-12.25')];
    expect(await cellsOf(save({ sheets: table(['a', 'b', 'c', 'd'], data) }))).toEqual([
      { row: 2, cells: { a: '9.00720E+15', b: '2.42754E+17', c: '577000000000', d: '-12.25' } },
    ]);
  });

  test.each([14, 15, 16, 17, 18, 19, 20, 21, 22])('date serial with built-in numFmtId %i → wall time text', async (id) => {
    const path = save({ sheets: table(['t', 'n'], [num(serial('2026-11-01 20:30:00'), 1), num(46_327)]), styles: [0, id] });
    expect(await cellsOf(path)).toEqual([{ row: 2, cells: { t: '2026-11-01 20:30:00', n: '46327' } }]);
  });

  test.each([
    ['dd/mm/yyyy hh:mm:ss', '2026-11-01 20:30:00'],
    ['yyyy-mm-dd', '2026-11-01 20:30:00'],
    ['[$-409]d-mmm-yy h:mm AM/PM;@', '2026-11-01 20:30:00'],
    ['[h]:mm:ss', '2026-11-01 20:30:00'],
    ['#,##0 "₫"', '46327.85416666667'],
    ['0.00E+00', '46327.85416666667'],
    ['"Day "0;[Red]-0', '46327.85416666667'],
  ])('custom number format %j in styles.xml → %j', async (code, expected) => {
    const path = save({ sheets: table(['t'], [num(46327.85416666667, 1)]), numFmts: { 164: code }, styles: [0, 164] });
    expect(await cellsOf(path)).toEqual([{ row: 2, cells: { t: expected } }]);
  });

  test('date serials round to the second; the 1904 date system is honoured', async () => {
    const almost = serial('2026-11-01 10:30:00') - 0.4 / 86_400;
    expect(await cellsOf(save({ sheets: table(['t'], [num(almost, 1)]), styles: [0, 14] }))).toEqual([
      { row: 2, cells: { t: '2026-11-01 10:30:00' } },
    ]);
    const in1904 = serial('2026-11-01 10:30:00') - 1462;
    expect(await cellsOf(save({ sheets: table(['t'], [num(in1904, 1)]), styles: [0, 14], date1904: true }))).toEqual([
      { row: 2, cells: { t: '2026-11-01 10:30:00' } },
    ]);
  });
});

describe('XLSX sheets', () => {
  const empty = sheetXml([rowXml(1, [{ s: 1, inner: '' }, null, { t: 'inlineStr', inner: '<is><t> </t></is>' }])]);
  const orders = sheetXml([rowXml(2, [text('orderId'), text('sku')]), rowXml(3, [text('O1'), text('SRM50')])]);
  const other = sheetXml([rowXml(1, [text('orderId')]), rowXml(2, [text('FROM-OTHER-SHEET')])]);

  test('a first sheet without data is passed over for the next in workbook order (files named against it)', async () => {
    const path = save({
      sheets: [
        { name: 'Empty', xml: empty },
        { name: 'Orders', xml: orders },
        { name: 'Other', xml: other },
      ],
      reverseSheetFiles: true,
    });
    const result = await openTable(path);
    expect([...result.columns.keys()]).toEqual(['orderid', 'sku']);
    expect(await cellsOf(path)).toEqual([{ row: 3, cells: { orderid: 'O1', sku: 'SRM50' } }]);
  });

  test('a hidden sheet with data is read only when no visible sheet has any', async () => {
    const hiddenFirst = save({
      sheets: [
        { name: 'Lookup', xml: other, state: 'hidden' },
        { name: 'Orders', xml: orders },
      ],
    });
    expect(await cellsOf(hiddenFirst)).toEqual([{ row: 3, cells: { orderid: 'O1', sku: 'SRM50' } }]);
    const onlyHidden = save({ sheets: [{ name: 'Lookup', xml: other, state: 'veryHidden' }] });
    expect(await cellsOf(onlyHidden)).toEqual([{ row: 2, cells: { orderid: 'FROM-OTHER-SHEET' } }]);
  });

  test('no sheet has data → FileError "the workbook has no rows"', async () => {
    const path = save({ sheets: [{ name: 'Empty', xml: empty }] });
    await expect(openTable(path)).rejects.toThrow(new FileError(problem('import.file.xlsx_no_rows'), 'the workbook has no rows'));
  });

  test('no relationship parts → the usual part names (xl/worksheets/sheetN.xml, xl/sharedStrings.xml)', async () => {
    const spec = { sheets: oneSheet([rowXml(1, [shared(0)]), rowXml(2, [shared(1)])]), sharedStrings: ['orderId', 'O7'] };
    const path = join(dir, `book-${++files}.xlsx`);
    writeFileSync(path, zipOf(workbookEntries(spec).filter((entry) => !entry.name.endsWith('.rels'))));
    expect(await cellsOf(path)).toEqual([{ row: 2, cells: { orderid: 'O7' } }]);
  });

  test('prefixed elements (x:row, x:c, as the OpenXML SDK writes) read the same', async () => {
    const rows = [rowXml(1, [text('orderId')], 'x:'), rowXml(2, [num(7)], 'x:')];
    const path = save({ sheets: [{ name: 'S', xml: sheetXml(rows, { prefix: 'x:' }) }] });
    expect(await cellsOf(path)).toEqual([{ row: 2, cells: { orderid: '7' } }]);
  });
});
