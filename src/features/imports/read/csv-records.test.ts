import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { type CsvRecord, CsvRecordReader } from './csv-records.js';

// The reader replaced csv-parse (docs/imports.md, "Speed"): on generated CSV it must read the same cells,
// the same lines and refuse the same inputs as csv-parse with the importer's former options.
const LIMIT = 200;
const ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'Quote Not Closed',
  INVALID_OPENING_QUOTE: 'Invalid Opening Quote',
  CSV_INVALID_CLOSING_QUOTE: 'Invalid Closing Quote',
  CSV_MAX_RECORD_SIZE: 'Max Record Size',
};

type Read = { line: number; cells: string[] }[] | string;

function byCsvParse(text: string): Read {
  try {
    const options = { info: true, relax_column_count: true, skip_empty_lines: true, trim: false, max_record_size: LIMIT };
    return (parse(text, options) as unknown as { info: { lines: number }; record: string[] }[]).map((r) => ({
      line: r.info.lines,
      cells: r.record,
    }));
  } catch (error) {
    return ERRORS[(error as { code: string }).code] ?? String(error);
  }
}

function byReader(text: string, piece: number): Read {
  try {
    const reader = new CsvRecordReader(',', LIMIT);
    const out: CsvRecord[] = [];
    for (let i = 0; i < text.length; i += piece) reader.push(text.slice(i, i + piece), out);
    reader.end(out);
    return out;
  } catch (error) {
    return (error as Error).message.split(':')[0] as string;
  }
}

/** Small CSV texts with quotes, doubled quotes, line breaks in cells, empty lines and broken quoting. */
function generated(seed: number, newline: string, count: number): string[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const texts: string[] = [];
  for (let t = 0; t < count; t++) {
    const rows: string[] = [];
    for (let r = Math.floor(random() * 5); r > 0; r--) {
      const cells: string[] = [];
      for (let c = Math.floor(random() * 4); c > 0; c--) {
        const text = pick(['a', 'bc', '', ' x ', 'é', 'long'.repeat(Math.floor(random() * 3))]);
        const kind = random();
        if (kind < 0.6) cells.push(text);
        else if (kind < 0.9)
          cells.push(`"${text}${random() < 0.3 ? '""' : ''}${random() < 0.3 ? newline : ''}${random() < 0.2 ? ',' : ''}"`);
        else cells.push(pick(['"', 'a"b', '"a"b', '"x', newline]));
      }
      rows.push(cells.join(','));
    }
    texts.push(rows.join(newline) + (random() < 0.5 ? newline : '') + (random() < 0.05 ? 'z'.repeat(LIMIT + 50) : ''));
  }
  return texts;
}

describe('CsvRecordReader reads what csv-parse read', () => {
  test.each([
    ['\\n', '\n'],
    ['\\r', '\r'],
  ])('%s files: the same cells, lines and refusals, in pieces of any size', (_, newline) => {
    for (const text of generated(7, newline, 3000)) {
      const expected = byCsvParse(text);
      for (const piece of [1, 2, 7, 1000])
        expect({ text, piece, read: byReader(text, piece) }).toEqual({ text, piece, read: expected });
    }
  });

  test('\\r\\n files: the same cells and refusals; a line break inside a quoted cell counts one line', () => {
    const cellsOf = (read: Read) => (typeof read === 'string' ? read : read.map((r) => r.cells));
    for (const text of generated(11, '\r\n', 3000)) {
      const expected = cellsOf(byCsvParse(text));
      for (const piece of [1, 3, 1000])
        expect({ text, piece, read: cellsOf(byReader(text, piece)) }).toEqual({ text, piece, read: expected });
    }
    // csv-parse counted `\r\n` inside quotes as two lines; a text editor shows one.
    expect(byReader('a,b\r\n1,"x\r\ny"\r\n2,z\r\n', 4)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', 'x\r\ny'] },
      { line: 4, cells: ['2', 'z'] },
    ]);
  });

  test('broken quoting part-way through is refused, whatever came before', () => {
    const good = 'a,b\n1,2\n'.repeat(1000);
    expect(byReader(`${good}3,"x"y\n4,5\n`, 4096)).toBe('Invalid Closing Quote');
    expect(byReader(`${good}3,x"y\n4,5\n`, 4096)).toBe('Invalid Opening Quote');
    expect(byReader(`${good}3,"x\n4,5\n`, 4096)).toBe('Quote Not Closed');
    expect(byReader(`${good}3,${'x'.repeat(LIMIT + 1)}\n4,5\n`, 64)).toBe('Max Record Size');
  });
});
