import { problem } from '../../../lib/problems/problem.js';
import { FileError } from '../import-types.js';
import { checkUnpackedSize, type XlsxLimits } from './xlsx-limits.js';
import { scanPart } from './xlsx-part.js';
import { readDateStyles } from './xlsx-styles.js';
import { attribute, type XmlHandler } from './xml-scanner.js';
import { openZip, type ZipArchive, type ZipEntry } from './zip-archive.js';

// Parts are found the way the Open Packaging Conventions (ECMA-376 Part 2) say: _rels/.rels names the workbook,
// the workbook's rels name its sheets, styles and shared strings. Zip order is never relied on: Excel writes the
// shared strings after the worksheets, other writers before.

/** What reading a cell needs besides the sheet. */
export interface CellContext {
  sharedStrings: readonly string[];
  /** By cell style index: whether the style shows numbers as dates. */
  dateStyles: readonly boolean[];
  /** The workbook counts days from 1904-01-01 (old Mac Excel) instead of 1900. */
  date1904: boolean;
}

export interface Workbook {
  zip: ZipArchive;
  /** Worksheets to try in turn: visible ones in workbook order, then hidden ones. */
  sheets: ZipEntry[];
  cells: CellContext;
}

interface Relationship {
  type: string;
  target: string;
}

/** The relationships of a part, by id, with targets resolved to part names. */
async function relationships(zip: ZipArchive, part: string): Promise<Map<string, Relationship>> {
  const slash = part.lastIndexOf('/');
  const dir = part.slice(0, slash + 1);
  const entry = zip.find(`${dir}_rels/${part.slice(slash + 1)}.rels`);
  const rels = new Map<string, Relationship>();
  if (!entry) return rels;
  const handler: XmlHandler = {
    open(name, attributes) {
      if (name !== 'Relationship' || attribute(attributes, 'TargetMode') === 'External') return;
      const id = attribute(attributes, 'Id');
      const target = attribute(attributes, 'Target');
      if (id && target) rels.set(id, { type: attribute(attributes, 'Type') ?? '', target: resolve(dir, target) });
    },
    close() {},
    text() {},
  };
  await scanPart(zip, entry, handler);
  return rels;
}

/** A relationship target as a part name: relative to the source part's folder unless it starts with `/`. */
function resolve(dir: string, target: string): string {
  let path = target;
  try {
    path = decodeURIComponent(target);
  } catch {
    // Not percent-encoded after all: use it as written.
  }
  const segments: string[] = [];
  for (const segment of (path.startsWith('/') ? path : dir + path).split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

// Transitional and Strict OOXML use different namespaces; the last path segment of a type is the same.
const isType = (rel: Relationship, kind: string) => rel.type.endsWith(`/${kind}`);

/** Opens a workbook: checks its declared size, then reads its structure, styles and shared strings. */
export async function openWorkbook(path: string, limits: XlsxLimits): Promise<Workbook> {
  const zip = await openZip(path);
  checkUnpackedSize(zip, limits);
  const root = [...(await relationships(zip, '')).values()]; // the package's own rels: _rels/.rels
  const workbookPart = root.find((rel) => isType(rel, 'officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbookEntry = zip.find(workbookPart);
  if (!workbookEntry)
    throw new FileError(
      problem('import.file.xlsx_not_workbook'),
      'the file is a zip but not an Excel workbook (it has no xl/workbook.xml)',
    );

  const sheets: { id: string; hidden: boolean }[] = [];
  let date1904 = false;
  const handler: XmlHandler = {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(attributes, 'date1904') ?? '');
      if (name !== 'sheet') return;
      const id = attribute(attributes, '[\\w.-]+:id');
      const state = attribute(attributes, 'state');
      if (id) sheets.push({ id, hidden: state === 'hidden' || state === 'veryHidden' });
    },
    close() {},
    text() {},
  };
  await scanPart(zip, workbookEntry, handler);

  const rels = await relationships(zip, workbookPart);
  const found = (entry: ZipEntry | undefined): entry is ZipEntry => entry !== undefined;
  let worksheets = [...sheets.filter((s) => !s.hidden), ...sheets.filter((s) => s.hidden)]
    .map((sheet) => rels.get(sheet.id))
    .filter((rel): rel is Relationship => rel !== undefined && isType(rel, 'worksheet'))
    .map((rel) => zip.find(rel.target))
    .filter(found);
  // Some generators leave the rels out: fall back to the part names every writer uses.
  if (!worksheets.length) worksheets = conventionalSheets(zip);
  if (!worksheets.length) throw new FileError(problem('import.file.xlsx_no_worksheet'), 'the workbook has no worksheet');

  const partOf = (kind: string, conventional: string) => {
    const rel = [...rels.values()].find((r) => isType(r, kind));
    return zip.find(rel?.target ?? conventional);
  };
  return {
    zip,
    sheets: worksheets,
    cells: {
      dateStyles: await readDateStyles(zip, partOf('styles', 'xl/styles.xml')),
      sharedStrings: await readSharedStrings(zip, partOf('sharedStrings', 'xl/sharedStrings.xml')),
      date1904,
    },
  };
}

/** `xl/worksheets/sheetN.xml` parts by N, for a workbook whose relationships name none. */
function conventionalSheets(zip: ZipArchive): ZipEntry[] {
  const number = (entry: ZipEntry) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/i.exec(entry.name)?.[1] ?? Number.NaN);
  return zip.entries.filter((entry) => !Number.isNaN(number(entry))).sort((a, b) => number(a) - number(b));
}

/** Unescapes `_xHHHH_`, the way ECMA-376 (§22.9.2.19 ST_Xstring) writes characters XML cannot hold (`_x000D_`). */
export const unescapeXstring = (text: string) =>
  text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;

/**
 * The shared strings, in order. Held in memory (cells refer to them by index from anywhere in the sheet); the
 * unpacked-size limit bounds them. Phonetic runs (`<rPh>`, Japanese furigana) are not part of the text.
 */
async function readSharedStrings(zip: ZipArchive, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  const handler: XmlHandler = {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && current && !phonetic) inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current) {
        // A slice of a string keeps the whole string alive in V8; copying drops the decoded XML chunk it came from.
        strings.push(` ${unescapeXstring(current.join(''))}`.slice(1));
        current = null;
      }
    },
    text(text) {
      if (inText) current?.push(text);
    },
  };
  await scanPart(zip, entry, handler);
  return strings;
}
