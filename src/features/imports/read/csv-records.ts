/**
 * The CSV record reader of CSV imports (docs/imports.md, "Speed"): RFC 4180 records read from text pushed
 * in pieces, each with the file line it ends on. It reads what csv-parse read with the importer's options
 * before (a differential test holds it to that): `"` quotes, `""` inside quotes, the record delimiter
 * taken from the first line break (`\r\n`, `\n` or `\r`), records of any length, empty lines skipped, cells
 * untrimmed. What csv-parse refused is refused: a quote inside an unquoted cell, text after a closing
 * quote, a quote still open at the end, a record over the size limit — as a CsvSyntaxError (a file error).
 */
export class CsvSyntaxError extends Error {}

export interface CsvRecord {
  /** The file line the record ends on (1-based; a cell with line breaks spans lines). */
  line: number;
  cells: string[];
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Marks a record cut off by the end of the text pushed so far: it is read again with the next piece. */
const INCOMPLETE = -1;

export class CsvRecordReader {
  private rest = '';
  /** Record delimiters consumed so far (the line the next record starts on, less one). */
  private lines = 0;
  private newline: '\r\n' | '\n' | '\r' | null = null;
  /** The line the last complete record ended on. */
  private lastLine = 0;
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly maxRecordChars: number,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Reads the records completed by `text`, appending them to `out`. */
  push(text: string, out: CsvRecord[]): void {
    this.read(this.rest ? this.rest + text : text, false, out);
  }

  /** Reads the last record (the text ended); throws if it is left open. */
  end(out: CsvRecord[]): void {
    const text = this.rest;
    this.rest = '';
    if (text) this.read(text, true, out);
  }

  private read(text: string, final: boolean, out: CsvRecord[]): void {
    let pos = 0;
    while (pos < text.length) {
      const cells: string[] = [];
      const next = this.record(text, pos, final, cells);
      if (next === INCOMPLETE) {
        if (text.length - pos > this.maxRecordChars) this.tooLong();
        this.rest = text.slice(pos);
        return;
      }
      if (next - pos > this.maxRecordChars) this.tooLong();
      pos = next;
      // An empty line (a line break and nothing before it) is no record.
      if (cells.length) out.push({ line: this.lastLine, cells });
    }
    this.rest = '';
  }

  /**
   * Reads one record starting at `pos` into `cells`; answers where the next record starts, or INCOMPLETE.
   * Lines are counted into `this.lines` only when the record is complete.
   */
  private record(text: string, pos: number, final: boolean, cells: string[]): number {
    const n = text.length;
    const d = this.delimiter;
    let i = pos;
    let lines = 0;
    for (;;) {
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        let j = from;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1 || (q + 1 >= n && !final)) {
            if (final)
              throw new CsvSyntaxError(
                `Quote Not Closed: the file ends inside a quoted cell opened at line ${this.lines + lines + 1}`,
              );
            return INCOMPLETE;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = j = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        if (this.newline === null) this.detect(value, 0, true);
        if (this.newline !== null) lines += count(value, this.newline);
        cells.push(value);
        if (i >= n) {
          if (!final) return INCOMPLETE;
          return this.complete(lines, 0, i);
        }
        const c = text.charCodeAt(i);
        if (c === d) {
          i += 1;
          continue;
        }
        const end = this.breakAt(text, i, final);
        if (end === INCOMPLETE) return INCOMPLETE;
        if (end === 0) {
          throw new CsvSyntaxError(
            `Invalid Closing Quote: got "${text[i]}" at line ${this.lines + lines + 1} after a closing quote, instead of a delimiter or a line break`,
          );
        }
        return this.complete(lines, 1, i + end);
      }
      let j = i;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === d) break;
        if (c === LF || c === CR) {
          const end = this.breakAt(text, j, final);
          if (end === INCOMPLETE) return INCOMPLETE;
          if (end > 0) {
            if (j > pos) cells.push(text.slice(i, j)); // else an empty line: no cell
            return this.complete(lines, 1, j + end);
          }
        } else if (c === QUOTE) {
          throw new CsvSyntaxError(
            `Invalid Opening Quote: a quote is found in unquoted cell ${cells.length + 1} at line ${this.lines + lines + 1}`,
          );
        }
      }
      cells.push(text.slice(i, j));
      if (j >= n) {
        if (!final) return INCOMPLETE;
        return this.complete(lines, 0, j);
      }
      i = j + 1; // past the delimiter
      if (i >= n && !final) return INCOMPLETE;
      if (i >= n) {
        cells.push('');
        return this.complete(lines, 0, i);
      }
    }
  }

  /** Counts a complete record's lines (`inside` its quoted cells, `ending` its delimiter); answers `next`. */
  private complete(inside: number, ending: number, next: number): number {
    this.lastLine = this.lines + inside + 1;
    this.lines += inside + ending;
    return next;
  }

  /**
   * The length of the record delimiter at `i` (the first line break of the file sets it), 0 when the
   * character there is none (a lone `\r` in a `\r\n` file is text), or INCOMPLETE when the text ends first.
   */
  private breakAt(text: string, i: number, final: boolean): number {
    if (this.newline === null && !this.detect(text, i, final)) return INCOMPLETE;
    const c = text.charCodeAt(i);
    switch (this.newline) {
      case '\n':
        return c === LF ? 1 : 0;
      case '\r':
        return c === CR ? 1 : 0;
      default:
        if (c !== CR) return 0;
        if (i + 1 >= text.length) return final ? 0 : INCOMPLETE;
        return text.charCodeAt(i + 1) === LF ? 2 : 0;
    }
  }

  /** Sets the record delimiter from the first line break at or after `i`; false when it cannot tell yet. */
  private detect(text: string, i: number, final: boolean): boolean {
    for (let k = i; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === LF) {
        this.newline = '\n';
        return true;
      }
      if (c === CR) {
        if (k + 1 >= text.length && !final) return false;
        this.newline = text.charCodeAt(k + 1) === LF ? '\r\n' : '\r';
        return true;
      }
    }
    return final;
  }

  private tooLong(): never {
    throw new CsvSyntaxError(
      `Max Record Size: a record near line ${this.lines + 1} is longer than ${this.maxRecordChars} characters`,
    );
  }
}

function count(text: string, needle: string): number {
  let found = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) found++;
  return found;
}
