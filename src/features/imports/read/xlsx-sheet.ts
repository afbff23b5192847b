import { problem } from '../../../lib/problems/problem.js';
import { FileError } from '../import-types.js';
import { cellText, type RawCell } from './xlsx-cell.js';
import { checkDimension, columnIndex, tooManyCells, type XlsxLimits } from './xlsx-limits.js';
import { partText } from './xlsx-part.js';
import type { CellContext } from './xlsx-workbook.js';
import { attribute, type XmlHandler, XmlScanner } from './xml-scanner.js';
import type { ZipArchive, ZipEntry } from './zip-archive.js';

/** A worksheet row holding at least one non-blank cell: its number (`r`, 1-based) and cell texts by column. */
export interface SheetRow {
  number: number;
  cells: (string | undefined)[];
}

const LAST_COLUMN = 16_383; // XFD, Excel's last column

/** The 0-based column of a cell reference (`B7` → 1). */
function referenceColumn(reference: string): number | undefined {
  const letters = /^\$?([A-Za-z]{1,3})/.exec(reference)?.[1];
  if (!letters) return undefined;
  const column = columnIndex(letters);
  if (column > LAST_COLUMN)
    throw new FileError(
      problem('import.file.xlsx_column_beyond', { cell: reference }),
      `cell ${reference} lies beyond Excel's last column (XFD)`,
    );
  return column;
}

/** Turns the tokens of `<sheetData>` into rows: `<row>`, `<c>`, `<v>`, and `<is>` with its `<t>` runs. */
class SheetReader implements XmlHandler {
  ready: SheetRow[] = [];
  private rowNumber = 0;
  private cells: (string | undefined)[] | null = null;
  private column = -1;
  private cellCount = 0;
  private cell: RawCell | null = null;
  private capture: string[] | null = null;
  private inInline = false;
  private phonetic = 0;

  constructor(
    private readonly context: CellContext,
    private readonly limits: XlsxLimits,
  ) {}

  open(name: string, attributes: string): void {
    switch (name) {
      case 'dimension': {
        // Written before <sheetData>: a hostile size is refused before any cell is read.
        const ref = attribute(attributes, 'ref');
        if (ref) checkDimension(ref, this.limits);
        break;
      }
      case 'row': {
        const r = Number(attribute(attributes, 'r'));
        this.rowNumber = Number.isInteger(r) && r > 0 ? r : this.rowNumber + 1;
        this.cells = [];
        this.column = -1;
        break;
      }
      case 'c': {
        // Counted as read too: the dimension is optional and may lie.
        if (++this.cellCount > this.limits.maxCells) throw tooManyCells(this.limits);
        const reference = attribute(attributes, 'r');
        this.column = (reference ? referenceColumn(reference) : undefined) ?? this.column + 1;
        this.cell = { type: attribute(attributes, 't') ?? 'n', style: Number(attribute(attributes, 's') ?? 0) };
        break;
      }
      case 'v':
        if (this.cell) this.capture = [];
        break;
      case 'is':
        if (this.cell) {
          this.inInline = true;
          this.cell.inline = '';
        }
        break;
      case 'rPh':
        this.phonetic++;
        break;
      case 't':
        if (this.inInline && !this.phonetic) this.capture = [];
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        if (this.cell && this.capture) this.cell.value = this.capture.join('');
        this.capture = null;
        break;
      case 't':
        if (this.cell && this.capture && this.inInline) this.cell.inline += this.capture.join('');
        this.capture = null;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'c':
        if (this.cell && this.cells) {
          const text = cellText(this.cell, this.context);
          if (text !== undefined) this.cells[this.column] = text;
        }
        this.cell = null;
        break;
      case 'row':
        if (this.cells?.some((text) => text !== undefined && text.trim() !== '')) {
          this.ready.push({ number: this.rowNumber, cells: this.cells });
        }
        this.cells = null;
        break;
    }
  }

  text(text: string): void {
    this.capture?.push(text);
  }
}

/** The rows of a worksheet that hold data, streamed: memory holds one chunk of XML and the rows it completed. */
export async function* sheetRows(
  zip: ZipArchive,
  sheet: ZipEntry,
  context: CellContext,
  limits: XlsxLimits,
): AsyncGenerator<SheetRow> {
  const reader = new SheetReader(context, limits);
  const scanner = new XmlScanner(reader, sheet.name);
  for await (const text of partText(zip, sheet)) {
    scanner.feed(text);
    const rows = reader.ready;
    reader.ready = [];
    yield* rows;
  }
  scanner.end();
  yield* reader.ready;
}
