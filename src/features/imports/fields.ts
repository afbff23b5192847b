import { problem } from '../../lib/problems/problem.js';
import { hasLoneSurrogate, hasNul, toStorableText } from '../../lib/storable-text.js';
import { foldText } from '../../lib/text.js';
import { zonedWallToUtc } from '../../lib/time.js';
import { RowProblem } from './import-types.js';

/**
 * A header as compared: currency suffix such as `(₫)` removed, NFC, diacritics removed, lower case,
 * spaces collapsed (docs/formats.md, "Header names"). Returns the suffix too: Shopee's currency comes from it.
 */
export function normaliseHeader(header: string): { key: string; suffix: string | null } {
  const match = /\s*\(([^()]{1,4})\)\s*$/.exec(header);
  const suffix = match && !/[A-Za-z0-9]{4}/.test(match[1] as string) ? (match[1] as string).trim() : null;
  const base = suffix ? header.slice(0, match?.index) : header;
  // NUL padding in a header is dropped like a BOM: a header names a column, it is no id.
  return { key: foldText(base.replace(/^\uFEFF/, '').replaceAll('\u0000', '')), suffix };
}

const SCIENTIFIC = /^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/;

/** Excel's damage to an id or number cell: `2.42754E+14`, `########`. */
export function excelDamage(text: string): string | null {
  if (SCIENTIFIC.test(text)) return `"${text}" was turned into a rounded number by Excel; export the original file again`;
  if (/^#{2,}$/.test(text)) return `"${text}" is Excel's overflow mark; export the original file again`;
  return null;
}

/** The row problem of Excel's damage to a cell, or null. */
function damageProblem(text: string, field: string): RowProblem | null {
  const message = excelDamage(text);
  if (!message) return null;
  const key = SCIENTIFIC.test(text) ? 'import.cell.excel_rounded' : 'import.cell.excel_overflow';
  return new RowProblem(field, problem(key, { value: text }), message);
}

// NUL padding (docs/formats.md, "NUL characters and malformed text in report cells").

/** Whether a cell is empty or holds only NUL padding: the reader leaves it out, as an empty cell. */
export const isEmptyCell = (text: string): boolean =>
  text === '' || (text.charCodeAt(0) === 0 && text.replaceAll('\u0000', '') === '');

/** Whether a cell holds only white space and NUL padding (a row of such cells is a blank row). */
export const isBlankCell = (text: string): boolean =>
  text.trim() === '' || (hasNul(text) && text.replaceAll('\u0000', '').trim() === '');

/**
 * A required text cell (an id), refusing Excel damage. An id holding a NUL or a lone surrogate is a
 * row error, never cleaned: dropping the NUL would make it another id, and could merge two orders.
 */
export function requireId(value: string | undefined, field: string): string {
  const text = value?.trim() ?? '';
  if (!text) throw new RowProblem(field, problem('import.cell.empty'), 'is empty');
  if (hasNul(text)) throw new RowProblem(field, problem('import.cell.nul'), 'contains a NUL character (U+0000)');
  if (hasLoneSurrogate(text))
    throw new RowProblem(field, problem('import.cell.lone_surrogate'), 'is not well-formed Unicode (a lone surrogate)');
  const damage = damageProblem(text, field);
  if (damage) throw damage;
  if (text.length > 128)
    throw new RowProblem(field, problem('import.cell.too_long', { maximum: 128 }), 'is longer than 128 characters');
  return text;
}

/**
 * An optional text cell, trimmed and bounded; empty → null. Free text is cleaned rather than refused:
 * NUL padding dropped, a lone surrogate shown as U+FFFD, so both databases store the same text.
 */
export function optionalText(value: string | undefined, field: string, max = 500): string | null {
  const text = value === undefined ? '' : toStorableText(value).trim();
  if (!text) return null;
  if (text.length > max)
    throw new RowProblem(field, problem('import.cell.too_long', { maximum: max }), `is longer than ${max} characters`);
  return text;
}

/**
 * Exact decimal text → integer minor units: `2285.52` ₫ (0 digits) → 2286, `12.345` ¥ → 1235.
 * Half-up, i.e. half away from zero for negatives; no floating point on the way.
 */
export function decimalToMinor(value: string | undefined, digits: number, field: string, { required = true } = {}): number {
  const text = (value ?? '').trim().replace(/^\+/, '');
  if (!text) {
    if (required) throw new RowProblem(field, problem('import.cell.empty'), 'is empty');
    return 0;
  }
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) {
    const value = text.slice(0, 40);
    throw (
      damageProblem(text, field) ??
      new RowProblem(
        field,
        problem('import.cell.not_number', { value }),
        `"${value}" is not a number (use . as the decimal point, no grouping)`,
      )
    );
  }
  const [, sign, whole, fraction = ''] = match as unknown as [string, string, string, string | undefined];
  // Exact in a double while the result has at most 15 digits: no BigInt, no padded strings (docs/imports.md, "Speed").
  if (whole.length + digits <= 15) {
    let minor = Number(whole) * 10 ** digits;
    for (let i = 0, unit = 10 ** (digits - 1); i < digits && i < fraction.length; i++, unit /= 10)
      minor += (fraction.charCodeAt(i) - 48) * unit;
    if (fraction.length > digits && fraction.charCodeAt(digits) >= 53) minor += 1; // half-up on the next digit, '5'+
    return sign === '-' ? 0 - minor : minor;
  }
  const kept = `${whole}${(fraction ?? '').padEnd(digits, '0').slice(0, digits)}`;
  const next = (fraction ?? '').padEnd(digits + 1, '0')[digits] ?? '0';
  let minor = BigInt(kept) + (next >= '5' ? 1n : 0n);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new RowProblem(field, problem('import.cell.too_large'), 'is too large');
  if (sign === '-') minor = -minor;
  return Number(minor);
}

/** A whole, positive quantity. */
export function parseQuantity(value: string | undefined, field = 'quantity'): number {
  const text = (value ?? '').trim();
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) {
    const value = text.slice(0, 40);
    throw new RowProblem(
      field,
      problem('import.cell.not_quantity', { value }),
      `"${value}" is not a whole quantity of at least 1`,
    );
  }
  return Number(text);
}

export type DateStyle = 'ymd' | 'dmy';

/**
 * Report time → epoch ms. `ymd`: `YYYY-MM-DD HH:mm[:ss]` or ISO 8601 (`T`, optional offset);
 * `dmy`: `DD/MM/YYYY HH:mm[:ss]` (TikTok). Without an offset the time is wall time in `timeZone`.
 */
export function parseReportTime(value: string | undefined, style: DateStyle, timeZone: string, field: string): number {
  const text = (value ?? '').trim();
  if (!text) throw new RowProblem(field, problem('import.cell.empty'), 'is empty');
  const ymd = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  const dmy = !ymd && style === 'dmy' ? /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text) : null;
  if (!ymd && !dmy) {
    const excel = /^\d{1,2}\/\d{1,2}\/\d{4}/.test(text);
    const value = text.slice(0, 40);
    const format = style === 'dmy' ? 'DD/MM/YYYY HH:mm:ss' : 'YYYY-MM-DD HH:mm:ss';
    throw new RowProblem(
      field,
      problem(excel ? 'import.cell.not_datetime_excel' : 'import.cell.not_datetime', { value, format }),
      `"${value}" is not a date-time ${format}${excel ? ' (a date reformatted by Excel?)' : ''}`,
    );
  }
  // Numbers straight from the match, no intermediate object per cell (docs/imports.md, "Speed").
  const m = (ymd ?? dmy) as RegExpExecArray;
  const y = Number(ymd ? m[1] : m[3]);
  const mo = Number(m[2]);
  const d = Number(ymd ? m[3] : m[1]);
  const h = Number(m[4] ?? '0');
  const mi = Number(m[5] ?? '0');
  const s = Number(m[6] ?? '0');
  const offset = ymd ? ymd[7] : undefined;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new RowProblem(field, problem('import.cell.not_real_datetime', { value: text }), `"${text}" is not a real date-time`);
  }
  if (offset) {
    if (offset === 'Z') return wall;
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.replace(/[+:-]/g, '');
    return wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  return zonedWallToUtc(wall, timeZone);
}

const folded = new Map<string, string>();

/** foldText for status cells, remembered: a report repeats a handful of status texts a million times. */
function foldedStatus(text: string): string {
  let key = folded.get(text);
  if (key === undefined) {
    key = foldText(text);
    if (folded.size > 10_000) folded.clear();
    folded.set(text, key);
  }
  return key;
}

/** A raw status through a folded lookup table (tones and case ignored); unknown → row error. */
export function mapStatus<T extends string>(raw: string | undefined, table: Readonly<Record<string, T>>, field: string): T {
  const text = raw?.trim() ?? '';
  const status = table[foldedStatus(text)];
  if (!status) {
    const value = text.slice(0, 60);
    throw new RowProblem(field, problem('import.cell.unknown_status', { value }), `unknown status "${value}"`);
  }
  return status;
}

/** Builds a folded lookup table from display texts. */
export function statusTable<T extends string>(entries: Record<T, string[]>): Readonly<Record<string, T>> {
  const table: Record<string, T> = {};
  for (const [status, texts] of Object.entries(entries) as [T, string[]][])
    for (const text of texts) table[foldText(text)] = status;
  return table;
}
