import { scanPart } from './xlsx-part.js';
import { attribute, type XmlHandler } from './xml-scanner.js';
import type { ZipArchive, ZipEntry } from './zip-archive.js';

// Excel stores a date as a number (days since 1900) and only the cell's number format says it is a date.
// Built-in format ids are never written out in styles.xml; ECMA-376 Part 1 §18.8.30 lists them: 14–22 are the
// date and time formats of every locale, 45–47 times, and 27–36 and 50–58 the East Asian date formats.
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47]);
for (let id = 50; id <= 58; id++) BUILT_IN_DATES.add(id);

/** Whether a custom number format code (`dd/mm/yyyy hh:mm:ss`, `#,##0 "₫"`) shows a number as a date or time. */
export function isDateFormat(code: string): boolean {
  // Literal text ("…", \x), padding (_x) and fills (*x) are not date tokens; neither are [Red] or [$-409].
  const tokens = code.replace(/"[^"]*"/g, '').replace(/\\.|_.|\*./g, '');
  if (/\[(h+|m+|s+)\]/i.test(tokens)) return true; // elapsed time: [h]:mm:ss
  const [first = ''] = tokens.replace(/\[[^\]]*\]/g, '').split(';');
  return /[dmyhs]/i.test(first.replace(/general/gi, ''));
}

/** Whether a cell style's number format id shows its number as a date (`custom` holds the workbook's own codes). */
export function isDateFormatId(id: number, custom: ReadonlyMap<number, string>): boolean {
  const code = custom.get(id);
  return code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id);
}

/** For each cell style index (`s` of a cell), whether it shows numbers as dates. No styles part: none do. */
export async function readDateStyles(zip: ZipArchive, entry: ZipEntry | undefined): Promise<boolean[]> {
  if (!entry) return [];
  const custom = new Map<number, string>();
  const styles: number[] = [];
  let inCellXfs = false;
  const handler: XmlHandler = {
    open(name, attributes) {
      if (name === 'numFmt') {
        const id = Number(attribute(attributes, 'numFmtId'));
        const code = attribute(attributes, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (name === 'cellXfs') {
        inCellXfs = true;
      } else if (name === 'xf' && inCellXfs) {
        // cellStyleXfs holds <xf> too; a cell's `s` indexes cellXfs only.
        styles.push(Number(attribute(attributes, 'numFmtId') ?? 0));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  };
  await scanPart(zip, entry, handler);
  return styles.map((id) => isDateFormatId(id, custom));
}
