import { minorDigits } from '../../../lib/money.js';
import { problem } from '../../../lib/problems/problem.js';
import { zonedWallToUtc } from '../../../lib/time.js';
import { parseAmount } from '../../import-mappings/amounts.js';
import {
  DEFAULT_DATE_FORMAT,
  foldStatus,
  type MappedField,
  type MappingSpec,
  REQUIRED_FIELDS,
  statusLookup,
} from '../../import-mappings/import-mappings.js';
import { compileDateFormat, type DateFormat, parseWithFormat } from '../../import-mappings/ldml-date.js';
import { type CanonicalLine, type ContentType, LINE_STATUSES, type LineStatus } from '../../orders/lines.js';
import { normaliseHeader, optionalText, parseQuantity, requireId } from '../fields.js';
import { FileError, type ParseContext, type RowError, RowProblem } from '../import-types.js';
import type { Table, TableRow } from '../read/table.js';
import { type ReportParser, requireOrgCurrency } from './parser.js';

/**
 * The parser of a saved column mapping (docs/import-mappings.md): the mapping names the header of each
 * canonical field and how statuses, amounts and times are written; the row rules are those of every source.
 */

/** Content types as reports write them; any other text leaves `contentType` empty (it is optional). */
const CONTENT_TYPES = new Map<string, ContentType>(
  (
    [
      ['live', 'live'],
      ['livestream', 'live'],
      ['直播', 'live'],
      ['直播间', 'live'],
      ['phat truc tiep', 'live'],
      ['video', 'video'],
      ['短视频', 'video'],
      ['视频', 'video'],
      ['showcase', 'showcase'],
      ['橱窗', 'showcase'],
      ['商品橱窗', 'showcase'],
      ['商品卡', 'showcase'],
      ['link', 'link'],
      ['链接', 'link'],
    ] as const
  ).map(([text, type]) => [foldStatus(text), type]),
);

/** A mapping ready to read rows: its date format compiled and statuses folded once. */
export interface PreparedMapping {
  spec: MappingSpec;
  keys: Partial<Record<MappedField, string>>;
  dates: DateFormat;
  statuses: Map<string, LineStatus>;
  timezone: string;
  currency: string;
}

export function prepareMapping(spec: MappingSpec, ctx: ParseContext): PreparedMapping {
  const keys: Partial<Record<MappedField, string>> = {};
  for (const [field, header] of Object.entries(spec.columns))
    if (header) keys[field as MappedField] = normaliseHeader(header).key;
  const compiled = compileDateFormat(spec.dateFormat || DEFAULT_DATE_FORMAT);
  const dates = 'error' in compiled ? (compileDateFormat(DEFAULT_DATE_FORMAT) as DateFormat) : compiled;
  return {
    spec,
    keys,
    dates,
    statuses: statusLookup(spec.statuses),
    timezone: spec.timezone ?? ctx.timezone,
    currency: (spec.currency ?? ctx.currency).toUpperCase(),
  };
}

function time(m: PreparedMapping, value: string | undefined, field: string): number {
  const text = (value ?? '').trim();
  if (!text) throw new RowProblem(field, problem('import.cell.empty'), 'is empty');
  const wall = parseWithFormat(m.dates, text);
  if (!wall) {
    const shown = text.slice(0, 40);
    throw new RowProblem(
      field,
      problem('import.cell.not_datetime', { value: shown, format: m.dates.pattern }),
      `"${shown}" is not a date-time ${m.dates.pattern}`,
    );
  }
  return wall.offsetMinutes === null ? zonedWallToUtc(wall.wall, m.timezone) : wall.wall - wall.offsetMinutes * 60_000;
}

function amount(m: PreparedMapping, value: string | undefined, digits: number, field: string): number | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  const result = parseAmount(text, m.spec.amountUnit, m.spec.decimalMark ?? '.', digits);
  if (result.ok) return result.value;
  const shown = text.slice(0, 40);
  if (result.reason === 'too_large') throw new RowProblem(field, problem('import.cell.too_large'), 'is too large');
  if (result.reason === 'not_minor')
    throw new RowProblem(
      field,
      problem('import.cell.not_minor_units', { value: shown }),
      `"${shown}" is not a whole number of minor units`,
    );
  const mark = m.spec.decimalMark ?? '.';
  throw new RowProblem(
    field,
    problem('import_mapping.cell.not_amount', { value: shown, mark }),
    `"${shown}" is not an amount with ${mark} as the decimal mark`,
  );
}

function status(m: PreparedMapping, raw: string): LineStatus {
  const key = foldStatus(raw);
  const found = m.statuses.get(key) ?? (LINE_STATUSES as readonly string[]).find((s) => s === key);
  if (!found) {
    const shown = raw.slice(0, 60);
    throw new RowProblem('status', problem('import.cell.unknown_status', { value: shown }), `unknown status "${shown}"`);
  }
  return found as LineStatus;
}

/**
 * Maps one row, collecting every field's error (the preview shows them all; an import reports the first).
 * `line` is present only when there is no error.
 */
export function mapRowWithMapping(
  m: PreparedMapping,
  row: TableRow,
  ctx: ParseContext,
): { line?: CanonicalLine; errors: RowError[]; refs?: { kosCode: string | null; clickId: string | null } } {
  const errors: RowError[] = [];
  const cell = (field: MappedField) => {
    const key = m.keys[field];
    return key === undefined ? undefined : row.cells.get(key);
  };
  const take = <T>(work: () => T, fallback: T): T => {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      errors.push(error.toRowError());
      return fallback;
    }
  };
  for (const field of REQUIRED_FIELDS)
    if (m.keys[field] === undefined)
      errors.push({
        field,
        message: `the mapping has no column for ${field}`,
        key: 'import_mapping.column.unmapped',
        params: { field },
      });
  const currency = take(() => requireOrgCurrency(cell('currency')?.trim() || m.currency, ctx), ctx.currency);
  const digits = minorDigits(currency);
  const rawStatus = (cell('status') ?? '').trim();
  const sku = take(() => optionalText(cell('sku'), 'sku', 128), null);
  const lineKeyCell = cell('lineKey');
  const kosCode = take(() => optionalText(cell('kosCode'), 'kosCode', 64), null);
  const clickId = take(() => optionalText(cell('clickId'), 'clickId', 64), null);
  const completed = cell('completedTime');
  const line: CanonicalLine = {
    platform: m.spec.platform,
    orderId: take(() => requireId(cell('orderId'), 'orderId'), ''),
    lineKey: take(
      () => (m.keys.lineKey !== undefined ? requireId(lineKeyCell, 'lineKey') : sku ? requireId(sku, 'lineKey') : '1'),
      '1',
    ),
    status: take(() => status(m, rawStatus), 'pending'),
    rawStatus,
    orderTime: take(() => time(m, cell('orderTime'), 'orderTime'), 0),
    completedTime: take(() => (completed?.trim() ? time(m, completed, 'completedTime') : null), null),
    sku,
    productName: take(() => optionalText(cell('productName'), 'productName'), null),
    category: take(() => optionalText(cell('category'), 'category', 200), null),
    quantity: take(() => (m.keys.quantity !== undefined ? parseQuantity(cell('quantity')) : 1), 1),
    grossMinor: take(() => required(amount(m, cell('grossMinor'), digits, 'grossMinor'), 'grossMinor'), 0),
    netMinor: take(() => required(amount(m, cell('netMinor'), digits, 'netMinor'), 'netMinor'), 0),
    refundMinor: take(() => amount(m, cell('refundMinor'), digits, 'refundMinor') ?? 0, 0),
    platformCommissionMinor: take(() => amount(m, cell('platformCommissionMinor'), digits, 'platformCommissionMinor'), null),
    currency,
    subIds: [kosCode, clickId].filter((v): v is string => v !== null),
    creator: take(() => optionalText(cell('creator'), 'creator', 100), null),
    voucher: take(() => optionalText(cell('voucher'), 'voucher', 64), null),
    contentType: CONTENT_TYPES.get(foldStatus(cell('contentType') ?? '')) ?? null,
    newBuyer: null,
  };
  // An unmapped required field has its one error (`import_mapping.column.unmapped`), not also "is empty".
  const unmapped = new Set<string>(REQUIRED_FIELDS.filter((field) => m.keys[field] === undefined));
  const shown = errors.filter((e) => e.key === 'import_mapping.column.unmapped' || !unmapped.has(e.field ?? ''));
  return shown.length ? { errors: shown } : { line, errors: shown, refs: { kosCode, clickId } };
}

function required(value: number | null, field: string): number {
  if (value === null) throw new RowProblem(field, problem('import.cell.empty'), 'is empty');
  return value;
}

/** Refuses a file of the other format, or one lacking a required mapped column (file errors: nothing stored). */
export function checkMappedTable(spec: MappingSpec, table: Table): void {
  if (table.kind !== spec.format)
    throw new FileError(
      problem('import_mapping.file.format', { actual: table.kind, expected: spec.format }),
      `the file is ${table.kind}, but the mapping reads ${spec.format}`,
    );
  const missing = REQUIRED_FIELDS.map((field) => spec.columns[field] ?? field).filter(
    (header) => !table.columns.has(normaliseHeader(header).key),
  );
  if (missing.length)
    throw new FileError(
      problem('import.file.missing_columns', { columns: missing }),
      `missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`,
    );
}

/** The parser of a saved mapping, for the import pipeline (imports are keyed by the mapping's name). */
export function mappedParser(name: string, spec: MappingSpec): ReportParser {
  return {
    source: name,
    prepare(table, ctx) {
      checkMappedTable(spec, table);
      const mapping = prepareMapping(spec, ctx);
      return (row) => {
        const { line, errors } = mapRowWithMapping(mapping, row, ctx);
        return line ? { row: row.row, line } : { row: row.row, error: errors[0] as RowError };
      };
    },
  };
}
