// Streams synthetic reports to disk (never whole in memory): a Shopee Affiliate conversion report in
// the English layout of samples/shopee_en.csv, and our generic CSV of completed lines for the ledger.
import { closeSync, openSync, writeSync } from 'node:fs';
import { kosCode, seededRandom } from './support-common.js';

/** Buffers text and writes it in ~1 MB pieces. */
class FileWriter {
  private parts: string[] = [];
  private size = 0;
  private readonly fd: number;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) this.flush();
  }
  flush(): void {
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const cell = (v: string | number): string => {
  const text = String(v);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const row = (cells: (string | number)[]): string => `${cells.map(cell).join(',')}\r\n`;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** `YYYY-MM-DD HH:mm:ss` in Vietnam time (UTC+7) of an instant. */
const vnTime = (ms: number): string => new Date(ms + 7 * HOUR).toISOString().slice(0, 19).replace('T', ' ');
/** Hundredths of a unit as the report writes money: `18000`, `2285.52`. */
const money = (hundredths: number): string =>
  hundredths % 100 === 0
    ? String(hundredths / 100)
    : `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
const rate = (bps: number): string => `${(bps / 100).toFixed(2)}%`;
const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const ALNUM = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'];

const WORDS = [
  'Sữa rửa mặt',
  'Kem chống nắng',
  'Serum Vitamin C',
  'Son kem lì',
  'Nước tẩy trang',
  'Mặt nạ ngủ',
  'Dầu gội',
  'Tai nghe',
];
const TRAITS = ['trà xanh', 'SPF50', 'dịu nhẹ', 'cấp ẩm, sáng da', 'cho da dầu', '"Bản giới hạn"', 'chính hãng', 'mini'];
const CATEGORIES = [
  ['Sắc Đẹp', 'Chăm sóc da mặt', 'Sữa rửa mặt'],
  ['Sắc Đẹp', 'Trang điểm', 'Son môi'],
  ['Sức Khỏe', 'Thực phẩm chức năng', 'Vitamin'],
  ['Thiết Bị Điện Tử', 'Âm thanh', 'Tai nghe'],
  ['Nhà Cửa & Đời Sống', 'Nhà bếp', 'Dụng cụ'],
];
const SHOP_TYPES = ['Preferred(Non-CB)', 'Mall', 'Normal', 'Preferred(CB)'];

/** The English header of the real report, 47 columns + `Content Type` (samples/shopee_en.csv). */
// biome-ignore format: keep the columns compact
export const SHOPEE_HEADER = [
  'Order id', 'Order Status', 'Conversion id', 'Order Time', 'Complete Time', 'Click Time', 'Shop Name', 'Shop id',
  'Shop Type', 'Item id', 'Item Name', 'Model id', 'Product Type', 'Promotion id', 'L1 Global Category',
  'L2 Global Category', 'L3 Global Category', 'Price(₫)', 'Qty', 'Offer Type', 'Campaign Partner', 'Purchase Value(₫)',
  'Refund Amount(₫)', 'Item Shopee Commission Rate', 'Item Shopee Commission(₫)', 'Item Seller Commission Rate',
  'Item Seller Commission(₫)', 'Item Total Commission(₫)', 'Order Shopee Commission(₫)', 'Order Seller Commission(₫)',
  'Total Order Commission(₫)', 'Linked MCN Name', 'MCN Contract id', 'MCN Management Fee Rate', 'MCN Management Fee(₫)',
  'Affiliate Agreement Fee Rate', 'Affiliate Net Commission(₫)', 'Affiliate Item Status', 'Item Note', 'Attribution Type',
  'Buyer Status', 'Sub_id1', 'Sub_id2', 'Sub_id3', 'Sub_id4', 'Sub_id5', 'Channel', 'Content Type',
];

/**
 * Writes `lines` rows of ~300 000-orders-per-million Shopee orders (1–5 items each) placed
 * 2026-09-01…2026-11-20, statuses mixed, 30 % with a KOS code (of `kosCount`) in Sub_id1, some with a
 * 12-character click id in Sub_id2; commission columns satisfy the identity the importer checks.
 */
export function writeShopeeCsv(path: string, lines: number, kosCount: number, seed = 42): { orders: number } {
  const r = seededRandom(seed);
  const out = new FileWriter(path);
  out.write(row(SHOPEE_HEADER));
  const shops = Array.from({ length: 60 }, (_, i) => ({
    name: i % 7 === 0 ? `Shop ${i}, Official` : `KOSMATRIX SHOP ${i}`,
    id: 47_305_935 + i * 7919,
    type: r.pick(SHOP_TYPES),
  }));
  const products = Array.from({ length: 3000 }, (_, i) => ({
    shop: r.pick(shops),
    itemId: String(20_317_610_036 + i * 13),
    modelId: String(137_047_019_769 + i * 17),
    name: `${r.pick(WORDS)} ${r.pick(TRAITS)} ${r.int(10, 500)}ml`,
    category: r.pick(CATEGORIES),
    price: r.int(19, 1990) * 1000,
  }));
  const from = Date.UTC(2026, 8, 1) - 7 * HOUR;
  const span = Date.UTC(2026, 10, 20) - Date.UTC(2026, 8, 1);
  let written = 0;
  let orders = 0;
  while (written < lines) {
    orders += 1;
    const placed = from + Math.floor(r.next() * span);
    // yymmdd + 8 characters, as Shopee's (two letters first: never read as a number like `0000E0`)
    const serial = `${r.pick(LETTERS)}${r.pick(LETTERS)}${orders.toString(36).toUpperCase().padStart(6, '0')}`;
    const orderId = `${vnTime(placed).slice(2, 10).replaceAll('-', '')}${serial}`;
    const roll = r.next();
    const status = roll < 0.55 ? 'Completed' : roll < 0.8 ? 'Pending' : roll < 0.92 ? 'Cancelled' : 'Unpaid';
    const done = status === 'Completed' ? vnTime(placed + r.int(2, 14) * DAY + r.int(0, 86_399) * 1000) : '';
    const sub1 = r.chance(0.3) ? kosCode(r.int(1, kosCount)) : r.chance(0.15) ? r.pick(['fbads', 'zalo_oa', 'web']) : '';
    const sub2 = r.chance(0.12) ? Array.from({ length: 12 }, () => r.pick(ALNUM)).join('') : '';
    const clicked = vnTime(placed - r.int(1, 3600) * 1000);
    const conversion = String(215_453_681_217_374 + orders * 31);
    const buyer = r.chance(0.2) ? 'New' : 'Existing';
    const channel = r.pick(['Others', 'Websites', 'Social Media', 'Instagram']);
    const content = r.pick(['', '', '', '', 'Video', 'Live', 'Affiliate Link']);
    const count = Math.min(lines - written, r.pick([1, 2, 2, 3, 3, 4, 4, 5, 5, 5]));
    const chosen = new Set<(typeof products)[number]>();
    while (chosen.size < count) chosen.add(r.pick(products));
    const items = [...chosen].map((p) => {
      const qty = r.chance(0.8) ? 1 : r.int(2, 4);
      const value = Math.round((p.price * qty * (1 - r.int(0, 15) / 100)) / 1000) * 1000;
      const itemStatus = status === 'Completed' && r.chance(0.03) ? 'Cancelled' : status;
      const earns = itemStatus !== 'Cancelled';
      const [shopeeBps, sellerBps] = [r.pick([300, 450, 600, 800, 1000]), r.pick([0, 0, 300, 600])];
      const shopee = earns ? Math.round((value * shopeeBps) / 100) : 0; // hundredths of a đồng
      const seller = earns ? Math.round((value * sellerBps) / 100) : 0;
      const refund = itemStatus === 'Completed' && r.chance(0.03) ? Math.round(value / 2000) * 1000 : 0;
      return { p, qty, value, itemStatus, shopeeBps, sellerBps, shopee, seller, refund };
    });
    const orderShopee = items.reduce((s, i) => s + i.shopee, 0);
    const orderSeller = items.reduce((s, i) => s + i.seller, 0);
    for (const i of items) {
      const [l1, l2, l3] = i.p.category as [string, string, string];
      // biome-ignore format: one report row, in column order
      out.write(
        row([
          orderId, status, conversion, vnTime(placed), done, clicked,
          i.p.shop.name, i.p.shop.id, i.p.shop.type, i.p.itemId, i.p.name, i.p.modelId, 'Normal Product', '',
          l1, l2, l3, i.p.price, i.qty, r.pick(['XTRA Comm', 'Shopee Comm']), '', i.value, i.refund,
          rate(i.shopeeBps), money(i.shopee), rate(i.sellerBps), money(i.seller), money(i.shopee + i.seller),
          money(orderShopee), money(orderSeller), money(orderShopee + orderSeller), '', '', '0.00%', 0,
          '100.00%', money(i.shopee + i.seller), i.itemStatus, '', r.pick(['Orders from other shops', 'Orders in same shop']),
          buyer, sub1, sub2, r.chance(0.05) ? 'tiktok' : '', '', '', channel, content,
        ]),
      );
      written += 1;
    }
  }
  out.close();
  return { orders };
}

/**
 * Writes `lines` completed lines of our generic CSV for `period` (`YYYY-MM`): orders of 1–3 lines placed
 * on days 1–20 and completed 1–4 days later, each order credited to one of `kosCount` KOS codes.
 */
export function writeGenericCsv(path: string, lines: number, kosCount: number, period: string, seed = 7): void {
  const r = seededRandom(seed);
  const out = new FileWriter(path);
  out.write(
    'platform,orderId,lineKey,status,orderTime,completedTime,sku,productName,category,quantity,grossAmount,netAmount,' +
      'refundAmount,platformCommission,currency,kosCode,clickId\r\n',
  );
  const [y, m] = period.split('-').map(Number) as [number, number];
  const from = Date.UTC(y, m - 1, 1) - 7 * HOUR;
  let written = 0;
  for (let order = 1; written < lines; order += 1) {
    const placed = from + Math.floor(r.next() * 20 * DAY);
    const kos = kosCode(((order - 1) % kosCount) + 1);
    const count = Math.min(lines - written, r.int(1, 3));
    for (let k = 1; k <= count; k += 1) {
      const net = r.int(50, 900) * 1000;
      // biome-ignore format: one row, in column order
      out.write(
        row([
          'website', `WEB-${order}`, `L${k}`, 'completed', vnTime(placed), vnTime(placed + r.int(1, 4) * DAY),
          `SKU${r.int(1, 500)}`, 'Sản phẩm', 'Sắc Đẹp', 1, net, net, 0, '', 'VND', kos, '',
        ]),
      );
      written += 1;
    }
  }
  out.close();
}
