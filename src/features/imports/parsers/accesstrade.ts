import { minorDigits } from '../../../lib/money.js';
import { problem } from '../../../lib/problems/problem.js';
import type { CanonicalLine } from '../../orders/lines.js';
import { decimalToMinor, mapStatus, optionalText, parseQuantity, parseReportTime, requireId } from '../fields.js';
import { type ParseContext, RowProblem } from '../import-types.js';
import { requireColumns, type TableRow } from '../read/table.js';
import { ACCESSTRADE_STATUSES } from '../statuses.js';
import { type ReportParser, requireOrgCurrency, rowMapper } from './parser.js';

// Normalised keys of the AccessTrade transaction fields (docs/formats.md, `accesstrade`).
const REQUIRED = {
  transaction_id: ['transaction_id'],
  status: ['status'],
  transaction_time: ['transaction_time'],
  transaction_value: ['transaction_value'],
};

/** AccessTrade is a Vietnamese network: its times carry no offset and are Vietnam time. */
const VIETNAM = 'Asia/Ho_Chi_Minh';
const UTM_FIELDS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'] as const;
const EXTRA_FIELDS = ['sub1', 'sub2', 'sub3', 'sub4'] as const;

/**
 * `price × quantity` in minor units, rounded once (half-up) after the exact product:
 * `1000.5 × 3` = `3001.5` → 3002, not `round(1000.5) × 3` = 3003.
 */
export function grossOf(price: string | undefined, quantity: number, digits: number, field: string): number {
  const text = (price ?? '').trim().replace(/^\+/, '');
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return decimalToMinor(price, digits, field) * quantity; // throws its row error for a non-number
  const [, sign = '', whole = '', fraction = ''] = match;
  const product = (BigInt(`${whole}${fraction}`) * BigInt(quantity)).toString().padStart(fraction.length + 1, '0');
  const cut = product.length - fraction.length;
  const exact = fraction ? `${product.slice(0, cut)}.${product.slice(cut)}` : product;
  return decimalToMinor(`${sign}${exact}`, digits, field);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** JSON text of a cell; a blank cell is no value. */
function parseJsonCell(text: string, field: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const value = text.slice(0, 40);
    throw new RowProblem(field, problem('import.cell.not_json', { value }), `"${value}" is not JSON`);
  }
}

/**
 * `_extra.parameters`: the nested object of a JSON record, or JSON text in a CSV cell
 * `_extra.parameters` (the parameters) or `_extra` (`{"parameters":{…}}`).
 */
function extraParameters(row: TableRow): Record<string, unknown> {
  const nested = row.raw?._extra;
  const extra = typeof nested === 'string' ? parseJsonCell(nested, '_extra') : nested;
  if (isRecord(extra)) return isRecord(extra.parameters) ? extra.parameters : {};
  const flat = row.cells.get('_extra.parameters');
  if (flat?.trim()) {
    const parameters = parseJsonCell(flat, '_extra.parameters');
    if (!isRecord(parameters))
      throw new RowProblem('_extra.parameters', problem('import.cell.not_json_object'), 'is not a JSON object');
    return parameters;
  }
  const whole = row.cells.get('_extra');
  const parsed = whole === undefined ? undefined : parseJsonCell(whole, '_extra');
  return isRecord(parsed) && isRecord(parsed.parameters) ? parsed.parameters : {};
}

function subIdsOf(row: TableRow): string[] {
  const parameters = extraParameters(row);
  const values = [
    ...UTM_FIELDS.map((field) => optionalText(row.cells.get(field), field, 256)),
    ...EXTRA_FIELDS.map((key) => {
      const value = parameters[key];
      const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
      return optionalText(text, `_extra.parameters.${key}`, 256);
    }),
  ];
  return values.filter((v): v is string => v !== null);
}

/** Maps one AccessTrade transaction (JSON record or CSV row) to a CanonicalLine. */
export function mapAccesstradeRow(row: TableRow, ctx: ParseContext): CanonicalLine {
  const currency = requireOrgCurrency('VND', ctx);
  const digits = minorDigits(currency);
  const get = (field: string) => row.cells.get(field);
  const rawStatus = (get('status') ?? '').trim();
  const status = mapStatus(rawStatus, ACCESSTRADE_STATUSES, 'status');
  const productId = optionalText(get('product_id'), 'product_id', 128);
  const quantityText = get('product_quantity');
  const quantity = quantityText?.trim() ? parseQuantity(quantityText, 'product_quantity') : 1;
  const net = decimalToMinor(get('transaction_value'), digits, 'transaction_value');
  const price = get('product_price');
  const confirmed = get('confirmed_time');
  return {
    platform: 'other',
    orderId: requireId(get('transaction_id'), 'transaction_id'),
    lineKey: productId ? requireId(productId, 'product_id') : requireId(get('id'), 'id'),
    status,
    rawStatus,
    orderTime: parseReportTime(get('transaction_time'), 'ymd', VIETNAM, 'transaction_time'),
    completedTime:
      status === 'completed' && confirmed?.trim() ? parseReportTime(confirmed, 'ymd', VIETNAM, 'confirmed_time') : null,
    sku: productId,
    productName: optionalText(get('product_name'), 'product_name'),
    category: optionalText(get('product_category'), 'product_category', 200),
    quantity,
    // Without a unit price the line's value is what was paid.
    grossMinor: price?.trim() ? grossOf(price, quantity, digits, 'product_price') : net,
    netMinor: net,
    refundMinor: 0,
    platformCommissionMinor: decimalToMinor(get('commission'), digits, 'commission', { required: false }),
    currency,
    subIds: subIdsOf(row),
    creator: null,
    voucher: null,
    contentType: null,
    newBuyer: null,
  };
}

/** `accesstrade` — AccessTrade publisher transactions, JSON or CSV with the same field names; always VND. */
export const accesstradeParser: ReportParser = {
  source: 'accesstrade',
  prepare(table, ctx) {
    requireColumns(table, REQUIRED);
    return rowMapper((row) => mapAccesstradeRow(row, ctx));
  },
};
