import { createReadStream } from 'node:fs';
import { problem } from '../../../lib/problems/problem.js';
import { storableMessage } from '../../../lib/storable-text.js';
import { isBlankCell, normaliseHeader } from '../fields.js';
import { FileError } from '../import-types.js';
import { type CsvRecord, CsvRecordReader, CsvSyntaxError } from './csv-records.js';
import { RowCells } from './row-cells.js';
import type { Table, TableLayout, TableRow } from './table.js';

/** Longer records are a file error (csv-parse's `max_record_size` before: docs/imports.md). */
const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/**
 * Text whose first chunk is over a quarter NUL is not CSV: UTF-16 without a byte-order mark (every
 * other byte NUL) or zero-filled binary. A few NULs are padding inside cells, left to fields.ts.
 */
function looksBinary(text: string): boolean {
  let nuls = 0;
  for (let i = text.indexOf('\u0000'); i !== -1; i = text.indexOf('\u0000', i + 1)) nuls++;
  return nuls * 4 > text.length;
}

/** Bytes decoded at a time after the first read (see decodedText). */
const DECODED_PIECE = 32 * 1024;

/** Decodes UTF-8 (BOM or not) or UTF-16 (with BOM) strictly: undecodable bytes are a file error. */
async function* decodedText(path: string): AsyncGenerator<string> {
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  let offset = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    let bytes = chunk;
    if (!decoder) {
      const utf16 =
        bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
      decoder = new TextDecoder(utf16 ?? 'utf-8', { fatal: true, ignoreBOM: false });
      if (!utf16 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    // The first 256 KB are decoded whole (the binary test reads them: docs/formats.md); later reads in
    // 32 KB pieces, so that a decoded piece stays out of V8's large-object space, which only a full GC
    // frees while the cells cut from it keep it alive (256 KB pieces held ~80 MB there on a 200 000-line
    // import: docs/imports.md, "Speed").
    const piece = offset === 0 ? bytes.length : DECODED_PIECE;
    for (let at = 0; at < bytes.length; at += piece) {
      let text: string;
      try {
        text = decoder.decode(bytes.subarray(at, at + piece), { stream: true });
      } catch {
        throw new FileError(
          problem('import.file.not_utf8', { offset }),
          `the file is not UTF-8 text (undecodable bytes near byte ${offset}); export it as CSV UTF-8`,
        );
      }
      if (offset === 0 && looksBinary(text))
        throw new FileError(
          problem('import.file.binary'),
          'the file holds binary data (or UTF-16 text without a byte-order mark), not CSV text',
        );
      yield text;
    }
    offset += chunk.length;
  }
  try {
    const rest = decoder?.decode() ?? '';
    if (rest) yield rest;
  } catch {
    throw new FileError(problem('import.file.truncated'), 'the file ends in the middle of a character: it was cut short');
  }
}

/**
 * The file's records in batches (one per decoded piece of text), read by CsvRecordReader: a syntax
 * error or undecodable text is a file error (docs/imports.md, "The file-error rule").
 */
async function* records(path: string, delimiter: string): AsyncGenerator<CsvRecord[]> {
  const reader = new CsvRecordReader(delimiter, MAX_RECORD_CHARS);
  try {
    for await (const text of decodedText(path)) {
      const batch: CsvRecord[] = [];
      reader.push(text, batch);
      if (batch.length) yield batch;
    }
    const last: CsvRecord[] = [];
    reader.end(last);
    if (last.length) yield last;
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const message = storableMessage(error.message);
    throw new FileError(problem('import.file.csv_unreadable', { reason: message }), `the CSV cannot be read: ${message}`);
  }
}

/** A CSV report (comma-separated unless the layout says otherwise; header row first, or at `layout.headerRow`). */
export async function csvTable(path: string, layout: TableLayout = {}): Promise<Table> {
  const delimiter = layout.delimiter || ',';
  const headerRow = layout.headerRow ?? 1;
  let header: string[] | null = null;
  let headerLine = 0;
  search: for await (const batch of records(path, delimiter)) {
    for (const first of batch) {
      if (first.line < headerRow || first.cells.every(isBlankCell)) continue;
      header = first.cells;
      headerLine = first.line;
      break search;
    }
  }
  if (!header) throw new FileError(problem('import.file.empty'), 'the file is empty');
  const columns = new Map<string, string | null>();
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const { key, suffix } = normaliseHeader(name);
    if (key && !index.has(key)) {
      index.set(key, i);
      columns.set(key, suffix);
    }
  });
  return {
    kind: 'csv',
    columns,
    headers: header.filter((name) => !isBlankCell(name)),
    async *rows(): AsyncGenerator<TableRow> {
      for await (const batch of records(path, delimiter)) {
        for (const { line, cells } of batch) {
          if (line <= headerLine) continue; // the header and anything above it
          if (cells.every(isBlankCell)) continue;
          yield { row: line, cells: new RowCells(index, cells) };
        }
      }
    },
  };
}
