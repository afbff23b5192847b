import { foldText } from '../../lib/text.js';
import type { MappedField } from './import-mappings.js';

/**
 * Header names that usually hold each canonical field, in English, Vietnamese and Chinese (docs/import-mappings.md,
 * "Preview"). Compared folded and without spaces and punctuation; the first synonym found in a file wins.
 */
const SYNONYMS: Record<MappedField, string[]> = {
  orderId: [
    'order id',
    'order no',
    'order number',
    'orderid',
    'mã đơn hàng',
    'mã đơn',
    'id đơn hàng',
    '订单编号',
    '订单号',
    '订单id',
    '主订单编号',
    '子订单编号',
  ],
  lineKey: ['line key', 'line id', 'item id', 'sub order id', 'mã dòng', '子订单号', '子订单id'],
  status: ['status', 'order status', 'trạng thái', 'trạng thái đơn hàng', '订单状态', '状态', '结算状态', '佣金状态'],
  orderTime: [
    'order time',
    'created time',
    'order date',
    'create time',
    'thời gian đặt hàng',
    'ngày đặt hàng',
    '下单时间',
    '创建时间',
    '付款时间',
    '支付时间',
    '订单创建时间',
  ],
  completedTime: [
    'completed time',
    'settle time',
    'settlement time',
    'thời gian hoàn thành',
    '完成时间',
    '结算时间',
    '确认收货时间',
    '收货时间',
  ],
  sku: ['sku', 'seller sku', 'sku id', 'mã sku', '商品编码', '商家编码', 'sku编码', '规格编码'],
  productName: ['product name', 'item name', 'product', 'tên sản phẩm', '商品名称', '商品标题', '商品'],
  category: ['category', 'product category', 'danh mục', 'ngành hàng', '类目', '商品类目'],
  quantity: ['quantity', 'qty', 'số lượng', '数量', '商品数量', '购买数量'],
  grossMinor: [
    'gross',
    'gmv',
    'order amount',
    'total amount',
    'giá trị đơn hàng',
    'tổng tiền',
    '订单金额',
    '商品金额',
    '商品总价',
    '成交金额',
  ],
  netMinor: [
    'net',
    'paid amount',
    'payment amount',
    'actual paid',
    'số tiền thanh toán',
    'thực trả',
    '实付金额',
    '支付金额',
    '实付款',
    '买家实付',
  ],
  refundMinor: ['refund', 'refund amount', 'hoàn tiền', 'số tiền hoàn', '退款金额'],
  platformCommissionMinor: ['commission', 'estimated commission', 'hoa hồng', '佣金', '预估佣金', '结算佣金', '实际佣金'],
  currency: ['currency', 'tiền tệ', '币种', '货币'],
  kosCode: ['kos code', 'sub id', 'subid', 'affiliate code', 'mã kos', '推广位', '推广码'],
  clickId: ['click id', 'clickid', 'mã click'],
  creator: ['creator', 'creator name', 'influencer', 'kol', 'nhà sáng tạo', '达人', '达人昵称', '作者昵称', '带货达人', '博主'],
  voucher: ['voucher', 'coupon', 'mã giảm giá', '优惠券'],
  contentType: ['content type', 'channel', 'loại nội dung', '带货方式', '推广方式', '流量来源', '带货来源'],
};

const squash = (text: string) => foldText(text).replace(/[\s_\-./()（）:：]+/g, '');

const LOOKUP: [string, MappedField][] = Object.entries(SYNONYMS).flatMap(([field, names]) =>
  names.map((name) => [squash(name), field as MappedField] as [string, MappedField]),
);

/** A guess of `{field: header}` from a file's headers, for the fields in `wanted` (one header per field). */
export function suggestColumns(headers: readonly string[], wanted: readonly MappedField[]): Partial<Record<MappedField, string>> {
  const out: Partial<Record<MappedField, string>> = {};
  const taken = new Set<string>();
  for (const [synonym, field] of LOOKUP) {
    if (out[field] !== undefined || !wanted.includes(field)) continue;
    const header = headers.find((h) => !taken.has(h) && squash(h) === synonym);
    if (header !== undefined) {
      out[field] = header;
      taken.add(header);
    }
  }
  return out;
}
