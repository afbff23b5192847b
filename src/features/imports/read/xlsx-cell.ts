import { problem } from '../../../lib/problems/problem.js';
import { FileError } from '../import-types.js';
import { type CellContext, unescapeXstring } from './xlsx-workbook.js';

/** A `<c>` as read: its type (`t`), style index (`s`), `<v>` text and `<is>` text. */
export interface RawCell {
  type: string;
  style: number;
  value?: string;
  inline?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

// Day 0 of the 1900 system is 1899-12-30 (Excel counts the non-existent 1900-02-29), 25 569 days before 1970;
// the 1904 system starts 1 462 days later.
const UNIX_EPOCH_SERIAL = 25_569;
const DAYS_1900_TO_1904 = 1_462;

/** An Excel date serial as wall time `YYYY-MM-DD HH:mm:ss`, rounded to the second as Excel shows it. */
export function serialDateText(serial: number, date1904: boolean): string | undefined {
  if (serial < 0) return undefined; // Excel shows ##### for negative dates: keep the number
  const seconds = Math.round((serial + (date1904 ? DAYS_1900_TO_1904 : 0) - UNIX_EPOCH_SERIAL) * 86_400);
  const d = new Date(seconds * 1000);
  if (Number.isNaN(d.getTime())) return undefined;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A number as a CSV export would hold it; a date-formatted one as wall time. */
function numberText(value: string, isDate: boolean, date1904: boolean): string {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) return value;
  const date = isDate ? serialDateText(n, date1904) : undefined;
  if (date) return date;
  // An id stored as a number past 2^53 has lost digits already: show it the way Excel does, as damage.
  return Number.isSafeInteger(n) || !Number.isInteger(n) ? String(n) : n.toExponential(5).toUpperCase();
}

/** A `t="d"` ISO 8601 date (`2026-11-01T20:30:00`) as wall time; other text as written. */
function isoDateText(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value.trim());
  return m ? `${m[1]} ${m[2] ?? '00'}:${m[3] ?? '00'}:${m[4] ?? '00'}` : value;
}

/**
 * A cell as the text a CSV export would hold: shared and inline strings, formula results, booleans as
 * `true`/`false`, errors as `#N/A`, numbers (dates by their style as `YYYY-MM-DD HH:mm:ss`). Undefined when empty.
 */
export function cellText(cell: RawCell, context: CellContext): string | undefined {
  if (cell.inline !== undefined) return unescapeXstring(cell.inline);
  const value = cell.value;
  if (value === undefined) return undefined;
  switch (cell.type) {
    case 's': {
      const text = context.sharedStrings[Number(value)];
      if (text === undefined) {
        throw new FileError(
          problem('import.file.xlsx_shared_string', { index: value.trim() }),
          `a cell refers to shared string ${value.trim()}, which the workbook does not hold`,
        );
      }
      return text;
    }
    case 'str':
    case 'inlineStr':
      return unescapeXstring(value);
    case 'b':
      return value.trim() === '1' || value.trim() === 'true' ? 'true' : 'false';
    case 'e':
      return value;
    case 'd':
      return isoDateText(value);
    default:
      return numberText(value, context.dateStyles[cell.style] === true, context.date1904);
  }
}
