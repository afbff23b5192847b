import { minorDigits } from '../../../lib/money.js';
import { problem } from '../../../lib/problems/problem.js';
import { PLATFORMS, type Platform } from '../../../lib/schemas.js';
import { type CanonicalLine, CONTENT_TYPES, type ContentType } from '../../orders/lines.js';
import { decimalToMinor, mapStatus, optionalText, parseQuantity, parseReportTime, requireId } from '../fields.js';
import { type ParseContext, RowProblem } from '../import-types.js';
import { requireColumns, type TableRow } from '../read/table.js';
import { statusTableFor } from '../statuses.js';
import { type ReportParser, requireOrgCurrency, rowMapper } from './parser.js';

// Normalised header keys of the canonical line (docs/formats.md, "The canonical line").
const REQUIRED = {
  platform: ['platform'],
  orderId: ['orderid'],
  status: ['status'],
  orderTime: ['ordertime'],
  quantity: ['quantity'],
  currency: ['currency'],
  gross: ['grossminor', 'grossamount'],
  net: ['netminor', 'netamount'],
};

/** An amount from `<name>Minor` (integer minor units) or `<name>Amount` (decimal major units). */
function amount(
  row: TableRow,
  minorKey: string,
  majorKey: string,
  digits: number,
  field: string,
  required: boolean,
): number | null {
  const minor = row.cells.get(minorKey);
  if (minor !== undefined) {
    if (!/^-?\d+$/.test(minor.trim())) {
      const value = minor.slice(0, 40);
      throw new RowProblem(
        field,
        problem('import.cell.not_minor_units', { value }),
        `"${value}" is not a whole number of minor units`,
      );
    }
    return Number(minor.trim());
  }
  const major = row.cells.get(majorKey);
  if (major !== undefined) return decimalToMinor(major, digits, field);
  if (required) throw new RowProblem(field, problem('import.cell.empty'), 'is empty');
  return null;
}

function booleanCell(value: string | undefined, field: string): boolean | null {
  if (value === undefined) return null;
  const text = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(text)) return true;
  if (['false', '0', 'no'].includes(text)) return false;
  throw new RowProblem(field, problem('import.cell.not_boolean', { value }), `"${value}" is not true or false`);
}

/** Maps one canonical line (generic CSV/XLSX row or webhook line) to a CanonicalLine. */
export function mapCanonicalRow(row: TableRow, ctx: ParseContext): CanonicalLine {
  const platform = (row.cells.get('platform') ?? '').trim().toLowerCase();
  if (!PLATFORMS.includes(platform as Platform))
    throw new RowProblem(
      'platform',
      problem('import.cell.not_option', { value: platform, options: PLATFORMS }),
      `"${platform}" is not one of ${PLATFORMS.join(', ')}`,
    );
  const currency = requireOrgCurrency(row.cells.get('currency') ?? '', ctx);
  const digits = minorDigits(currency);
  const rawStatus = (row.cells.get('status') ?? '').trim();
  const contentType = (row.cells.get('contenttype') ?? '').trim().toLowerCase() || null;
  if (contentType && !CONTENT_TYPES.includes(contentType as ContentType)) {
    throw new RowProblem(
      'contentType',
      problem('import.cell.not_option', { value: contentType, options: CONTENT_TYPES }),
      `"${contentType}" is not one of ${CONTENT_TYPES.join(', ')}`,
    );
  }
  const completed = row.cells.get('completedtime');
  return {
    platform: platform as Platform,
    orderId: requireId(row.cells.get('orderid'), 'orderId'),
    lineKey: row.cells.has('linekey') ? requireId(row.cells.get('linekey'), 'lineKey') : '1',
    status: mapStatus(rawStatus, statusTableFor(platform), 'status'),
    rawStatus,
    orderTime: parseReportTime(row.cells.get('ordertime'), 'ymd', ctx.timezone, 'orderTime'),
    completedTime: completed ? parseReportTime(completed, 'ymd', ctx.timezone, 'completedTime') : null,
    sku: optionalText(row.cells.get('sku'), 'sku', 128),
    productName: optionalText(row.cells.get('productname'), 'productName'),
    category: optionalText(row.cells.get('category'), 'category', 200),
    quantity: parseQuantity(row.cells.get('quantity')),
    grossMinor: amount(row, 'grossminor', 'grossamount', digits, 'grossMinor', true) as number,
    netMinor: amount(row, 'netminor', 'netamount', digits, 'netMinor', true) as number,
    refundMinor: amount(row, 'refundminor', 'refundamount', digits, 'refundMinor', false) ?? 0,
    platformCommissionMinor: amount(
      row,
      'platformcommissionminor',
      'platformcommission',
      digits,
      'platformCommissionMinor',
      false,
    ),
    currency,
    subIds: [optionalText(row.cells.get('koscode'), 'kosCode', 64), optionalText(row.cells.get('clickid'), 'clickId', 64)].filter(
      (v): v is string => v !== null,
    ),
    creator: optionalText(row.cells.get('creator'), 'creator', 100),
    voucher: optionalText(row.cells.get('voucher'), 'voucher', 64),
    contentType: contentType as ContentType | null,
    newBuyer: booleanCell(row.cells.get('newbuyer'), 'newBuyer'),
  };
}

/** `generic` — our canonical CSV/XLSX (docs/formats.md, `generic`). */
export const genericParser: ReportParser = {
  source: 'generic',
  prepare(table, ctx) {
    requireColumns(table, REQUIRED);
    return rowMapper((row) => mapCanonicalRow(row, ctx));
  },
};
