import { minorDigits } from '../../../lib/money.js';
import { problem } from '../../../lib/problems/problem.js';
import { foldText } from '../../../lib/text.js';
import type { CanonicalLine, ContentType, LineStatus } from '../../orders/lines.js';
import { decimalToMinor, mapStatus, optionalText, parseQuantity, parseReportTime, requireId } from '../fields.js';
import { type ParseContext, RowProblem } from '../import-types.js';
import { requireColumns, type TableRow } from '../read/table.js';
import { TIKTOK_STATUSES } from '../statuses.js';
import { cellOf, type ReportParser, requireOrgCurrency, rowMapper } from './parser.js';

// Normalised header keys, English then Vietnamese (docs/formats.md, `tiktok_shop`).
const K = {
  orderId: ['order id', 'id don hang'],
  skuId: ['sku id', 'id sku'],
  sellerSku: ['seller sku', 'sku nguoi ban'],
  productName: ['product name', 'ten san pham'],
  price: ['price', 'gia'],
  paymentAmount: ['payment amount', 'so tien thanh toan'],
  currency: ['currency', 'don vi tien te'],
  quantity: ['quantity', 'so luong'],
  orderStatus: ['order status', 'trang thai don hang'],
  creator: ['creator username', 'ten nguoi dung nha sang tao'],
  contentType: ['content type', 'loai noi dung'],
  estBase: ['est. commission base', 'co so hoa hong uoc tinh'],
  estPayment: ['est. standard commission payment', 'thanh toan hoa hong tieu chuan uoc tinh'],
  actualPayment: ['actual commission payment', 'thanh toan hoa hong thuc te'],
  returned: ['fully returned or refunded', 'tra hang & hoan tien'],
  refund: ['hoan tien'],
  created: ['time created', 'thoi gian da tao'],
  // Vietnamese exports: the completion time, else the delivery time.
  completed: ['thoi gian hoan thanh don hang', 'order delivery time'],
} as const;

const REQUIRED = {
  'Order ID / ID đơn hàng': K.orderId,
  'SKU ID / Id Sku': K.skuId,
  'Price / Giá': K.price,
  'Quantity / Số lượng': K.quantity,
  'Payment Amount': K.paymentAmount,
  'Order Status / Trạng thái đơn hàng': K.orderStatus,
  'Creator Username / Tên người dùng nhà sáng tạo': K.creator,
  'Time Created / Thời gian đã tạo': K.created,
  'Est. Commission Base / Cơ sở hoa hồng ước tính': K.estBase,
};

/** Market time by the report's currency (docs/formats.md, "Dates and time zones"); other markets: the org's time zone. */
const MARKET_TIME_ZONES: Readonly<Record<string, string>> = { VND: 'Asia/Ho_Chi_Minh', CNY: 'Asia/Shanghai' };

/** Content type texts of TikTok's affiliate exports (also the creator-side export's). */
export const TIKTOK_CONTENT_TYPES: Readonly<Record<string, ContentType>> = {
  livestream: 'live',
  'phat truc tiep': 'live',
  video: 'video',
  showcase: 'showcase',
  'trung bay': 'showcase',
  'external traffic program': 'link',
  'chuong trinh luu luong truy cap ben ngoai': 'link',
};

const YES_NO: Readonly<Record<string, boolean>> = { yes: true, co: true, no: false, khong: false };

export const SKIP_ZERO_BASE = "zero commission base (another creator's row)";

const amount = (row: TableRow, keys: readonly string[], digits: number, field: string) =>
  decimalToMinor(cellOf(row, keys), digits, field, { required: false });

function isFullyReturned(value: string | undefined): boolean {
  const text = foldText(value ?? '');
  if (!text) return false;
  const yes = YES_NO[text];
  if (yes === undefined) {
    const value = text.slice(0, 40);
    throw new RowProblem(
      'Fully returned or refunded',
      problem('import.cell.not_yes_no', { value }),
      `"${value}" is not Yes or No`,
    );
  }
  return yes;
}

/** Day-first report time, or the `YYYY-MM-DD HH:mm:ss` text an XLSX date cell reads as. */
const reportTime = (value: string | undefined, timeZone: string, field: string) => parseReportTime(value, 'dmy', timeZone, field);

/** Maps one row of a TikTok Shop "Affiliate orders" export; another creator's row is skipped. */
export function mapTiktokShopRow(row: TableRow, ctx: ParseContext): CanonicalLine | { skip: string } {
  const currency = requireOrgCurrency(cellOf(row, K.currency) ?? ctx.currency, ctx, 'Currency');
  const digits = minorDigits(currency);
  if (amount(row, K.estBase, digits, 'Est. Commission Base') <= 0) return { skip: SKIP_ZERO_BASE };
  const timeZone = MARKET_TIME_ZONES[currency] ?? ctx.timezone;
  const orderId = requireId(cellOf(row, K.orderId), 'Order ID');
  const skuId = requireId(cellOf(row, K.skuId), 'SKU ID');
  const creator = requireId(cellOf(row, K.creator), 'Creator Username');
  const rawStatus = cellOf(row, K.orderStatus)?.trim() ?? '';
  const returned = isFullyReturned(cellOf(row, K.returned));
  const status: LineStatus = mapStatus(rawStatus, TIKTOK_STATUSES, 'Order Status');
  const quantity = parseQuantity(cellOf(row, K.quantity), 'Quantity');
  const grossMinor = decimalToMinor(cellOf(row, K.price), digits, 'Price') * quantity;
  if (!Number.isSafeInteger(grossMinor))
    throw new RowProblem('Price', problem('import.cell.price_overflow'), 'price × quantity is too large');
  const netMinor = decimalToMinor(cellOf(row, K.paymentAmount), digits, 'Payment Amount');
  const reportedRefund = amount(row, K.refund, digits, 'Hoàn tiền');
  const actual = amount(row, K.actualPayment, digits, 'Actual Commission Payment');
  const completed = cellOf(row, K.completed);
  const contentText = cellOf(row, K.contentType);
  return {
    platform: 'tiktok_shop',
    orderId,
    lineKey: `${skuId}:${creator.replace(/^@/, '').toLowerCase()}`,
    status: returned ? 'returned' : status,
    rawStatus,
    orderTime: reportTime(cellOf(row, K.created), timeZone, 'Time Created'),
    completedTime: completed?.trim() ? reportTime(completed, timeZone, 'Order Delivery Time') : null,
    sku: optionalText(cellOf(row, K.sellerSku), 'Seller Sku', 128),
    productName: optionalText(cellOf(row, K.productName), 'Product Name'),
    category: null,
    quantity,
    grossMinor,
    netMinor,
    // A returned line gave back the reported refund, else (no `Hoàn tiền`, or 0) what was paid.
    refundMinor: returned && reportedRefund <= 0 ? netMinor : reportedRefund,
    platformCommissionMinor: actual > 0 ? actual : amount(row, K.estPayment, digits, 'Est. standard commission payment'),
    currency,
    subIds: [],
    creator,
    voucher: null,
    contentType: TIKTOK_CONTENT_TYPES[foldText(contentText ?? '')] ?? null,
    newBuyer: null,
  };
}

/** `tiktok_shop` — TikTok Shop Seller Center "Affiliate orders" export, CSV or XLSX, English or Vietnamese. */
export const tiktokShopParser: ReportParser = {
  source: 'tiktok_shop',
  prepare(table, ctx) {
    requireColumns(table, REQUIRED);
    return rowMapper((row) => mapTiktokShopRow(row, ctx));
  },
};
