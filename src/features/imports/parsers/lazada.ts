import { minorDigits } from '../../../lib/money.js';
import { problem } from '../../../lib/problems/problem.js';
import type { CanonicalLine, LineStatus } from '../../orders/lines.js';
import { decimalToMinor, mapStatus, optionalText, parseReportTime, requireId } from '../fields.js';
import { type ParseContext, RowProblem } from '../import-types.js';
import { requireColumns, type TableRow } from '../read/table.js';
import { LAZADA_STATUSES } from '../statuses.js';
import { type ReportParser, requireOrgCurrency, rowMapper } from './parser.js';

// Normalised keys of the Lazada conversion report fields (docs/formats.md, `lazada`).
const REQUIRED = {
  orderId: ['orderid'],
  subOrderId: ['suborderid'],
  sku: ['sku'],
  status: ['status'],
  conversionTime: ['conversiontime'],
  orderAmt: ['orderamt'],
  currency: ['currency'],
};

const SUB_ID_FIELDS = ['affiliateSubId', 'subId1', 'subId2', 'subId3', 'subId4', 'subId5', 'subId6'] as const;

/** Market time of a report country; other countries fall back to the org's time zone. */
const MARKET_TIME_ZONES: Readonly<Record<string, string>> = { VN: 'Asia/Ho_Chi_Minh', CN: 'Asia/Shanghai' };

const get = (row: TableRow, field: string): string | undefined => row.cells.get(field.toLowerCase());

const notZeroOne = (field: string, text: string) => {
  const value = text.slice(0, 40);
  return new RowProblem(field, problem('import.cell.not_zero_one', { value }), `"${value}" is not 0 or 1`);
};

/** `validity` `1` (or absent) keeps the line; `0` cancels it whatever its status. */
function isValid(value: string | undefined): boolean {
  const text = (value ?? '').trim();
  if (text === '' || text === '1') return true;
  if (text === '0') return false;
  throw notZeroOne('validity', text);
}

/** `newUser` `1` → true, `0` → false, empty → not said. */
function newBuyer(value: string | undefined): boolean | null {
  const text = (value ?? '').trim();
  if (text === '') return null;
  if (text === '1') return true;
  if (text === '0') return false;
  throw notZeroOne('newUser', text);
}

/** Maps one Lazada conversion (JSON record or CSV row) to a CanonicalLine. */
export function mapLazadaRow(row: TableRow, ctx: ParseContext): CanonicalLine {
  const currency = requireOrgCurrency(get(row, 'currency') ?? '', ctx);
  const digits = minorDigits(currency);
  const statusText = (get(row, 'status') ?? '').trim();
  const valid = isValid(get(row, 'validity'));
  const status: LineStatus = valid ? mapStatus(statusText, LAZADA_STATUSES, 'status') : 'cancelled';
  const country = (get(row, 'country') ?? '').trim().toUpperCase();
  const timeZone = MARKET_TIME_ZONES[country] ?? ctx.timezone;
  const delivered = get(row, 'deliveredTime');
  const amount = decimalToMinor(get(row, 'orderAmt'), digits, 'orderAmt');
  const subIds = SUB_ID_FIELDS.map((field) => optionalText(get(row, field), field, 256)).filter((v): v is string => v !== null);
  return {
    platform: 'lazada',
    orderId: requireId(get(row, 'orderId'), 'orderId'),
    lineKey: `${requireId(get(row, 'subOrderId'), 'subOrderId')}:${requireId(get(row, 'sku'), 'sku')}`,
    status,
    rawStatus: valid ? statusText : `${statusText} (validity 0)`.trim(),
    orderTime: parseReportTime(get(row, 'conversionTime'), 'ymd', timeZone, 'conversionTime'),
    completedTime: delivered?.trim() ? parseReportTime(delivered, 'ymd', timeZone, 'deliveredTime') : null,
    sku: requireId(get(row, 'sku'), 'sku'),
    productName: optionalText(get(row, 'skuName'), 'skuName'),
    category: optionalText(get(row, 'categoryL1'), 'categoryL1', 200),
    quantity: 1,
    grossMinor: amount,
    netMinor: amount,
    // The report has no refund field: a returned line gave back what was paid.
    refundMinor: status === 'returned' ? amount : 0,
    platformCommissionMinor: decimalToMinor(get(row, 'estPayout'), digits, 'estPayout', { required: false }),
    currency,
    subIds,
    creator: null,
    voucher: null,
    contentType: null,
    newBuyer: newBuyer(get(row, 'newUser')),
  };
}

/** `lazada` — Lazada affiliate conversion report, JSON or CSV with the same field names. */
export const lazadaParser: ReportParser = {
  source: 'lazada',
  prepare(table, ctx) {
    requireColumns(table, REQUIRED);
    return rowMapper((row) => mapLazadaRow(row, ctx));
  },
};
