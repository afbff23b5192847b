import { minorDigits } from '../../../lib/money.js';
import { problem } from '../../../lib/problems/problem.js';
import { foldText } from '../../../lib/text.js';
import type { CanonicalLine, ContentType } from '../../orders/lines.js';
import { decimalToMinor, mapStatus, optionalText, parseQuantity, parseReportTime, requireId } from '../fields.js';
import { type ParseContext, RowProblem } from '../import-types.js';
import { requireColumns, type Table, type TableRow } from '../read/table.js';
import { SHOPEE_STATUSES } from '../statuses.js';
import { cellOf, type ReportParser, requireOrgCurrency, rowMapper } from './parser.js';

// Normalised header keys, Vietnamese then English (docs/formats.md, `shopee`).
const K = {
  orderId: ['id don hang', 'order id'],
  orderStatus: ['trang thai dat hang', 'order status'],
  orderTime: ['thoi gian dat hang', 'order time'],
  completeTime: ['thoi gian hoan thanh', 'complete time'],
  itemId: ['item id'],
  itemName: ['ten item', 'item name'],
  modelId: ['id model', 'model id'],
  category: ['l1 danh muc toan cau', 'l1 global category'],
  price: ['gia', 'price'],
  qty: ['so luong', 'qty'],
  purchaseValue: ['gia tri don hang', 'purchase value'],
  refund: ['so tien hoan tra', 'refund amount'],
  itemShopeeCommission: ['hoa hong shopee tren san pham', 'item shopee commission'],
  itemSellerCommission: ['hoa hong xtra tren san pham', 'item seller commission'],
  itemTotalCommission: ['tong hoa hong san pham', 'item total commission'],
  netCommission: ['hoa hong rong tiep thi lien ket', 'affiliate net commission'],
  lineStatus: ['trang thai san pham lien ket', 'affiliate item status'],
  buyerStatus: ['trang thai nguoi mua', 'buyer status'],
  contentType: ['loai noi dung', 'content type'],
} as const;

const SUB_IDS = ['sub_id1', 'sub_id2', 'sub_id3', 'sub_id4', 'sub_id5'] as const;
/** The sub-id fields as row errors name them (`Sub_id1`…), built once, not per row. */
const SUB_ID_FIELDS = SUB_IDS.map((key) => key.replace('s', 'S'));

/** The row's non-empty sub-ids, in column order. */
function subIdsOf(row: TableRow): string[] {
  const subIds: string[] = [];
  for (let i = 0; i < SUB_IDS.length; i++) {
    const value = optionalText(row.cells.get(SUB_IDS[i] as string), SUB_ID_FIELDS[i] as string, 256);
    if (value !== null) subIds.push(value);
  }
  return subIds;
}

const REQUIRED = {
  'Order id / ID đơn hàng': K.orderId,
  'Order Status / Trạng thái đặt hàng': K.orderStatus,
  'Order Time / Thời Gian Đặt Hàng': K.orderTime,
  'Item id': K.itemId,
  'Model id / ID Model': K.modelId,
  'Price / Giá': K.price,
  'Qty / Số lượng': K.qty,
  'Purchase Value / Giá trị đơn hàng': K.purchaseValue,
};

/** Money columns: their header suffix tells the report's currency. */
const MONEY_KEYS = [
  K.price,
  K.purchaseValue,
  K.refund,
  K.itemShopeeCommission,
  K.itemSellerCommission,
  K.itemTotalCommission,
  K.netCommission,
].flat();

/** Header currency suffixes of Shopee markets (an ISO code as suffix is taken as is). */
const SUFFIX_CURRENCY: Readonly<Record<string, string>> = {
  '₫': 'VND',
  đ: 'VND',
  R$: 'BRL',
  Rp: 'IDR',
  RM: 'MYR',
  '฿': 'THB',
  '₱': 'PHP',
  S$: 'SGD',
  NT$: 'TWD',
};

const MARKET_TIME_ZONES: Readonly<Record<string, string>> = { VND: 'Asia/Ho_Chi_Minh' };

/** The report's currency from its money headers' suffix, or the row problem every row gets. */
export function shopeeCurrency(table: Table): string | RowProblem {
  const suffixes = new Set(
    MONEY_KEYS.filter((key) => table.columns.has(key))
      .map((key) => table.columns.get(key))
      .filter((s): s is string => !!s),
  );
  if (suffixes.size === 0)
    return new RowProblem(
      'currency',
      problem('import.shopee.no_currency_suffix'),
      'the money headers carry no currency suffix such as (₫)',
    );
  if (suffixes.size > 1)
    return new RowProblem(
      'currency',
      problem('import.shopee.mixed_currencies', { suffixes: [...suffixes] }),
      `the money headers mix currencies: ${[...suffixes].join(', ')}`,
    );
  const suffix = [...suffixes][0] as string;
  const currency = SUFFIX_CURRENCY[suffix] ?? (/^[A-Z]{3}$/.test(suffix) ? suffix : undefined);
  return (
    currency ??
    new RowProblem(
      'currency',
      problem('import.shopee.unknown_currency_suffix', { suffix }),
      `unknown currency suffix (${suffix})`,
    )
  );
}

/**
 * A function of a cell's text remembered for a few texts (a report repeats a handful of content types and
 * buyer statuses a million times: docs/imports.md, "Speed"). Kept small: a remembered cell may hold on
 * to the piece of file text it was cut from.
 */
function remembered<T>(of: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    const value = of(text);
    if (known.size >= 64) known.clear();
    known.set(text, value);
    return value;
  };
}

const contentTypeOfCell = remembered(contentTypeOf);
const buyerOfCell = remembered((text) => BUYER[foldText(text)] ?? null);

/** Shopee's content types; an unknown one is not an error, only not known (null). */
export function shopeeContentType(value: string | undefined): ContentType | null {
  return contentTypeOfCell(value ?? '');
}

function contentTypeOf(value: string): ContentType | null {
  const text = foldText(value);
  if (!text) return null;
  if (/live|truc tiep/.test(text)) return 'live';
  if (/video/.test(text)) return 'video';
  if (/showcase|trung bay/.test(text)) return 'showcase';
  if (/^(affiliate |product |custom )?link$|lien ket|external/.test(text)) return 'link';
  return null;
}

const BUYER: Readonly<Record<string, boolean>> = { 'da ton tai': false, existing: false, moi: true, new: true };

/** An amount cell; an absent or empty one is 0. */
const amount = (row: TableRow, keys: readonly string[], digits: number, field: string) =>
  decimalToMinor(cellOf(row, keys), digits, field, { required: false });

/** Item Shopee commission + item seller commission = item total commission, within 0.01, exactly. */
function checkCommissionIdentity(row: TableRow, hasTotal: boolean): void {
  if (!hasTotal) return;
  const scale = 4; // ten-thousandths: exact for any amount the report writes with up to 4 decimals
  const shopee = amount(row, K.itemShopeeCommission, scale, 'Item Shopee Commission');
  const seller = amount(row, K.itemSellerCommission, scale, 'Item Seller Commission');
  const total = amount(row, K.itemTotalCommission, scale, 'Item Total Commission');
  if (Math.abs(shopee + seller - total) > 100) {
    const show = (v: number) => (v / 10 ** scale).toString();
    throw new RowProblem(
      'Item Total Commission',
      problem('import.shopee.commission_mismatch', { total: show(total), shopee: show(shopee), seller: show(seller) }),
      `${show(total)} is not Item Shopee Commission ${show(shopee)} + Item Seller Commission ${show(seller)}`,
    );
  }
}

/** Maps one row of a Shopee Affiliate conversion report to a CanonicalLine. */
export function mapShopeeRow(row: TableRow, ctx: ParseContext, report: string | RowProblem, hasTotal: boolean): CanonicalLine {
  if (report instanceof RowProblem) throw report;
  const currency = requireOrgCurrency(report, ctx);
  const digits = minorDigits(currency);
  const timeZone = MARKET_TIME_ZONES[currency] ?? ctx.timezone;
  const orderId = requireId(cellOf(row, K.orderId), 'Order id');
  const itemId = requireId(cellOf(row, K.itemId), 'Item id');
  const modelId = requireId(cellOf(row, K.modelId), 'Model id');
  const lineStatus = cellOf(row, K.lineStatus)?.trim();
  const rawStatus = lineStatus || (cellOf(row, K.orderStatus)?.trim() ?? '');
  const status = mapStatus(rawStatus, SHOPEE_STATUSES, lineStatus ? 'Affiliate Item Status' : 'Order Status');
  const orderTime = parseReportTime(cellOf(row, K.orderTime), 'ymd', timeZone, 'Order Time');
  const completed = cellOf(row, K.completeTime);
  const quantity = parseQuantity(cellOf(row, K.qty), 'Qty');
  const grossMinor = decimalToMinor(cellOf(row, K.price), digits, 'Price') * quantity;
  if (!Number.isSafeInteger(grossMinor))
    throw new RowProblem('Price', problem('import.cell.price_overflow'), 'price × quantity is too large');
  checkCommissionIdentity(row, hasTotal);
  return {
    platform: 'shopee',
    orderId,
    lineKey: `${itemId}:${modelId}`,
    status,
    rawStatus,
    orderTime,
    completedTime: completed?.trim() ? parseReportTime(completed, 'ymd', timeZone, 'Complete Time') : null,
    sku: ctx.skuForShopeeItem(itemId) ?? itemId,
    productName: optionalText(cellOf(row, K.itemName), 'Item Name'),
    category: optionalText(cellOf(row, K.category), 'L1 Global Category', 200),
    quantity,
    grossMinor,
    netMinor: decimalToMinor(cellOf(row, K.purchaseValue), digits, 'Purchase Value'),
    refundMinor: amount(row, K.refund, digits, 'Refund Amount'),
    platformCommissionMinor: amount(row, K.netCommission, digits, 'Affiliate Net Commission'),
    currency,
    subIds: subIdsOf(row),
    creator: null,
    voucher: null,
    contentType: shopeeContentType(cellOf(row, K.contentType)),
    newBuyer: buyerOfCell(cellOf(row, K.buyerStatus) ?? ''),
  };
}

/** `shopee` — Shopee Affiliate "Conversion report" CSV, Vietnamese or English headers. */
export const shopeeParser: ReportParser = {
  source: 'shopee',
  prepare(table, ctx) {
    requireColumns(table, REQUIRED);
    const currency = shopeeCurrency(table);
    const hasTotal = K.itemTotalCommission.some((key) => table.columns.has(key));
    return rowMapper((row) => mapShopeeRow(row, ctx, currency, hasTotal));
  },
};
