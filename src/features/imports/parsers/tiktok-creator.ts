import { minorDigits } from '../../../lib/money.js';
import { problem } from '../../../lib/problems/problem.js';
import { foldText } from '../../../lib/text.js';
import type { CanonicalLine, LineStatus } from '../../orders/lines.js';
import { decimalToMinor, mapStatus, optionalText, parseQuantity, parseReportTime, requireId } from '../fields.js';
import { type ParseContext, RowProblem } from '../import-types.js';
import { requireColumns, type TableRow } from '../read/table.js';
import { TIKTOK_CREATOR_STATUSES } from '../statuses.js';
import { cellOf, type ReportParser, requireOrgCurrency, rowMapper } from './parser.js';
import { TIKTOK_CONTENT_TYPES } from './tiktok-shop.js';

// Normalised header keys, Vietnamese then English, with the variants seen or assumed
// (docs/formats.md, `tiktok_creator`).
const K = {
  orderId: ['id don hang', 'order id'],
  skuId: ['id sku', 'sku id'],
  productName: ['ten san pham', 'product name'],
  currency: ['don vi tien te', 'currency'],
  sold: ['so mon ban ra', 'so mon da ban', 'items sold', 'item sold', 'sold items'],
  refunded: ['so mon da hoan tien', 'so mon hoan tien', 'items refunded', 'item refunded', 'refunded items'],
  status: ['trang thai quyet toan don hang', 'trang thai quyet toan', 'order settlement status', 'settlement status'],
  contentType: ['loai noi dung', 'content type'],
  gmv: ['gmv'],
  base: ['co so hoa hong uoc tinh', 'est. commission base', 'estimated commission base', 'est commission base'],
  standard: [
    'hoa hong tieu chuan uoc tinh',
    'est. standard commission',
    'estimated standard commission',
    'est standard commission',
  ],
  final: ['tong so tien nhan duoc cuoi cung', 'total final earned amount', 'final earned amount', 'total final amount earned'],
  ordered: ['ngay dat hang', 'order date', 'order time'],
  settled: ['ngay quyet toan hoa hong', 'commission settlement date', 'commission settled date', 'settlement date'],
} as const;

const REQUIRED = {
  'ID đơn hàng / Order ID': K.orderId,
  'ID SKU / SKU ID': K.skuId,
  'Số món bán ra / Items sold': K.sold,
  'Trạng thái quyết toán đơn hàng / Order settlement status': K.status,
  GMV: K.gmv,
  'Cơ sở hoa hồng ước tính / Est. commission base': K.base,
  'Ngày đặt hàng / Order date': K.ordered,
};

/** A cell as read: the export writes an empty cell as `/`. */
function cell(row: TableRow, keys: readonly string[]): string | undefined {
  const value = cellOf(row, keys);
  return value === undefined || value.trim() === '/' ? undefined : value;
}

/**
 * Amount text as plain decimal text: grouped thousands dropped (`100.000`, `1.234.567`, `1,234,567`), a
 * comma decimal mark read as a point (`12,5`, `1.234,5`). A lone separator followed by exactly three digits
 * groups thousands in this export; anything else is left for decimalToMinor to judge.
 */
function plainDecimal(text: string): string {
  const match = /^(-?)(\d[\d.,]*)$/.exec(text);
  if (!match) return text;
  const [, sign, body] = match as unknown as [string, string, string];
  const dot = body.lastIndexOf('.');
  const comma = body.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) {
    const last = Math.max(dot, comma);
    const group = dot > comma ? ',' : '.';
    const whole = body.slice(0, last);
    if (!new RegExp(`^\\d{1,3}(\\${group}\\d{3})*$`).test(whole)) return text;
    return `${sign}${whole.replaceAll(group, '')}.${body.slice(last + 1)}`;
  }
  const separator = dot >= 0 ? '.' : comma >= 0 ? ',' : null;
  if (!separator) return text;
  if (new RegExp(`^\\d{1,3}(\\${separator}\\d{3})+$`).test(body)) return `${sign}${body.replaceAll(separator, '')}`;
  return separator === ',' && /^\d+,\d+$/.test(body) ? `${sign}${body.replace(',', '.')}` : text;
}

/** An amount of this export in minor units (`100.000` ₫ → 100000); `/` or empty → 0 unless required. */
export function creatorAmount(value: string | undefined, digits: number, field: string, required = false): number {
  return decimalToMinor(plainDecimal((value ?? '').trim()), digits, field, { required });
}

/** round(net × refunded ÷ sold), half up, exact for any safe integers. */
export function refundShare(netMinor: number, refunded: number, sold: number): number {
  if (refunded <= 0 || netMinor === 0) return 0;
  const sign = netMinor < 0 ? -1n : 1n;
  const n = BigInt(Math.abs(netMinor)) * BigInt(refunded) * 2n + BigInt(sold);
  return Number((sign * n) / (BigInt(sold) * 2n));
}

function refundedItems(row: TableRow, sold: number): number {
  const text = cell(row, K.refunded)?.trim() ?? '';
  if (!text) return 0;
  const count = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isNaN(count) || count > sold) {
    const value = text.slice(0, 40);
    throw new RowProblem(
      'Items refunded',
      problem('import.cell.refunded_items', { value, sold }),
      `"${value}" is not a whole number of refunded items between 0 and ${sold} (items sold)`,
    );
  }
  return count;
}

/** Maps one row of a creator-side TikTok Shop "affiliate orders" export (no creator column: the import names the KOS). */
export function mapTiktokCreatorRow(row: TableRow, ctx: ParseContext): CanonicalLine {
  const currency = requireOrgCurrency(cell(row, K.currency) ?? ctx.currency, ctx, 'Currency');
  const digits = minorDigits(currency);
  const orderId = requireId(cell(row, K.orderId), 'Order ID');
  const skuId = requireId(cell(row, K.skuId), 'SKU ID');
  const rawStatus = cell(row, K.status)?.trim() ?? '';
  const mapped = mapStatus(rawStatus, TIKTOK_CREATOR_STATUSES, 'Order settlement status');
  const quantity = parseQuantity(cell(row, K.sold), 'Items sold');
  const refunded = refundedItems(row, quantity);
  const status: LineStatus = mapped === 'ineligible' ? (refunded === quantity ? 'returned' : 'cancelled') : mapped;
  const netMinor = creatorAmount(cell(row, K.base), digits, 'Est. commission base', true);
  const final = creatorAmount(cell(row, K.final), digits, 'Total final earned amount');
  const settled = cell(row, K.settled);
  return {
    platform: 'tiktok_shop',
    orderId,
    lineKey: skuId,
    status,
    rawStatus,
    orderTime: parseReportTime(cell(row, K.ordered), 'dmy', ctx.timezone, 'Order date'),
    completedTime: settled?.trim() ? parseReportTime(settled, 'dmy', ctx.timezone, 'Commission settlement date') : null,
    sku: ctx.skuForTiktokSku?.(skuId) ?? skuId,
    productName: optionalText(cell(row, K.productName), 'Product name'),
    category: null,
    quantity,
    grossMinor: creatorAmount(cell(row, K.gmv), digits, 'GMV', true),
    netMinor,
    refundMinor: refundShare(netMinor, refunded, quantity),
    platformCommissionMinor: final > 0 ? final : creatorAmount(cell(row, K.standard), digits, 'Est. standard commission'),
    currency,
    subIds: [],
    creator: null,
    voucher: null,
    contentType: TIKTOK_CONTENT_TYPES[foldText(cell(row, K.contentType) ?? '')] ?? null,
    newBuyer: null,
  };
}

/** `tiktok_creator` — the creator-side TikTok Shop "affiliate orders" export of one creator account, CSV or XLSX. */
export const tiktokCreatorParser: ReportParser = {
  source: 'tiktok_creator',
  prepare(table, ctx) {
    requireColumns(table, REQUIRED);
    return rowMapper((row) => mapTiktokCreatorRow(row, ctx));
  },
};
