// Test support: the parts of a minimal XLSX workbook, written in the order a test chooses.
import type { FixtureEntry } from './zip-fixture.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Escapes text for XML content and attribute values. */
export const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One `<c>`: its type, style index and inner XML (`<v>`, `<is>`, `<f>`). */
export interface CellSpec {
  t?: string;
  s?: number;
  inner: string;
}

export const shared = (index: number): CellSpec => ({ t: 's', inner: `<v>${index}</v>` });
export const num = (value: number | string, s?: number): CellSpec => ({ s, inner: `<v>${value}</v>` });
export const inline = (innerXml: string): CellSpec => ({ t: 'inlineStr', inner: `<is>${innerXml}</is>` });
export const text = (value: string): CellSpec => inline(`<t>${esc(value)}</t>`);

/** The column letters of a 0-based index (0 → A, 26 → AA). */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A `<row>` with cells from column A on (`null` leaves a column out, as Excel does for empty cells). */
export function rowXml(number: number, cells: readonly (CellSpec | null)[], prefix = ''): string {
  const xml = cells.map((cell, i) => {
    if (!cell) return '';
    const attrs = `${cell.t ? ` t="${cell.t}"` : ''}${cell.s !== undefined ? ` s="${cell.s}"` : ''}`;
    return `<${prefix}c r="${columnName(i)}${number}"${attrs}>${cell.inner}</${prefix}c>`;
  });
  return `<${prefix}row r="${number}">${xml.join('')}</${prefix}row>`;
}

/** A worksheet part holding the rows (a `prefix` such as `x:` writes prefixed elements, as the OpenXML SDK does). */
export function sheetXml(
  rows: readonly string[],
  { dimension, prefix = '' }: { dimension?: string; prefix?: string } = {},
): string {
  const ns = prefix ? `xmlns:${prefix.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  const dim = dimension ? `<${prefix}dimension ref="${dimension}"/>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${prefix}worksheet ${ns} xmlns:r="${REL}">${dim}<${prefix}sheetData>${rows.join('')}</${prefix}sheetData></${prefix}worksheet>`;
}

export interface WorkbookSpec {
  sheets: readonly { name: string; xml: string; state?: 'hidden' | 'veryHidden' }[];
  sharedStrings?: readonly string[];
  /** Custom number formats by id (164 on), written to styles.xml. */
  numFmts?: Readonly<Record<number, string>>;
  /** The numFmtId of each cell style (`s` attribute), from index 0. */
  styles?: readonly number[];
  date1904?: boolean;
  /**
   * Part order in the zip. `excel`: worksheets, styles, shared strings, then docProps (what Excel writes);
   * `shared-strings-first`: styles and shared strings before the worksheets;
   * `shared-strings-last`: styles, worksheets, then the shared strings as the last part.
   */
  order?: 'excel' | 'shared-strings-first' | 'shared-strings-last';
  /** Name the sheet files against workbook order (sheet1.xml is the last sheet), so only the rels tell the order. */
  reverseSheetFiles?: boolean;
}

/** The parts of a workbook, in the order Excel writes them unless the spec says otherwise. */
export function workbookEntries(spec: WorkbookSpec): FixtureEntry[] {
  const n = spec.sheets.length;
  const file = (i: number) => `worksheets/sheet${spec.reverseSheetFiles ? n - i : i + 1}.xml`;
  const sheetEntries = spec.sheets.map((sheet, i) => ({ name: `xl/${file(i)}`, data: sheet.xml }));
  if (spec.reverseSheetFiles) sheetEntries.reverse();
  const sheets = spec.sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('');
  const rels = spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${file(i)}"/>`);
  rels.push(`<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>`);
  if (spec.sharedStrings)
    rels.push(`<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml"/>`);
  const numFmts = Object.entries(spec.numFmts ?? {});
  const xfs = (spec.styles ?? [0]).map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  const styles =
    `<styleSheet xmlns="${MAIN}">` +
    (numFmts.length
      ? `<numFmts count="${numFmts.length}">${numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('')}</numFmts>`
      : '') +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs></styleSheet>`;
  const strings = spec.sharedStrings ?? [];
  const sst = `<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
  const stylesEntry = { name: 'xl/styles.xml', data: styles };
  const sstEntries = spec.sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: sst }] : [];
  const docProps = [
    { name: 'docProps/core.xml', data: '<cp:coreProperties xmlns:cp="urn:x"/>' },
    { name: 'docProps/app.xml', data: '<Properties/>' },
  ];
  const parts = {
    excel: [...sheetEntries, stylesEntry, ...sstEntries, ...docProps],
    'shared-strings-first': [stylesEntry, ...sstEntries, ...sheetEntries],
    'shared-strings-last': [stylesEntry, ...sheetEntries, ...sstEntries],
  }[spec.order ?? 'excel'];
  return [
    { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    {
      name: '_rels/.rels',
      data: `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets}</sheets></workbook>`,
    },
    { name: 'xl/_rels/workbook.xml.rels', data: `<Relationships xmlns="${PKG}">${rels.join('')}</Relationships>` },
    ...parts,
  ];
}
