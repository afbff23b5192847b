import { describe, expect, test } from 'vitest';
import { lineFingerprint } from './line-fingerprint.js';
import type { CanonicalLine } from './lines.js';

const line: CanonicalLine = {
  platform: 'shopee',
  orderId: 'O-1',
  lineKey: '1:2',
  status: 'completed',
  rawStatus: 'Completed',
  orderTime: 1_790_000_000_000,
  completedTime: 1_790_100_000_000,
  sku: 'SKU-1',
  productName: 'A lamp',
  category: 'Home',
  quantity: 2,
  grossMinor: 200_000,
  netMinor: 180_000,
  refundMinor: 0,
  platformCommissionMinor: 9_000,
  currency: 'VND',
  subIds: ['LAN01', 'abc'],
  creator: null,
  voucher: null,
  contentType: 'live',
  newBuyer: true,
};

// The fingerprint rule (docs/imports.md, "Speed"): equal exactly when every canonical field is equal
// (canonicalChanges empty), so a re-imported line is `unchanged` by one compare.
describe('lineFingerprint', () => {
  test.each<[string, Partial<CanonicalLine>]>([
    ['status', { status: 'returned' }],
    ['order time by 1 ms', { orderTime: line.orderTime + 1 }],
    ['completed time to none', { completedTime: null }],
    ['sku', { sku: 'SKU-2' }],
    ['sku to none', { sku: null }],
    ['a sku of the text "null"', { sku: 'null' }],
    ['category', { category: 'Home ' }],
    ['quantity', { quantity: 3 }],
    ['gross by one minor unit', { grossMinor: 200_001 }],
    ['net negative', { netMinor: -180_000 }],
    ['net above 2^32', { netMinor: 180_000 + 2 ** 32 }],
    ['refund', { refundMinor: 1 }],
    ['platform commission to none', { platformCommissionMinor: null }],
    ['currency', { currency: 'USD' }],
    ['a sub-id', { subIds: ['LAN01', 'abd'] }],
    ['sub-ids split differently', { subIds: ['LAN01a', 'bc'] }],
    ['sub-ids fewer', { subIds: ['LAN01'] }],
    ['creator', { creator: 'lan' }],
    ['voucher to empty text', { voucher: '' }],
    ['content type', { contentType: 'video' }],
    ['new buyer false', { newBuyer: false }],
    ['new buyer unknown', { newBuyer: null }],
    ['platform', { platform: 'lazada' }],
  ])('a change of %s changes it', (_name, change) => {
    expect(lineFingerprint({ ...line, ...change })).not.toBe(lineFingerprint(line));
  });

  test.each<[string, Partial<CanonicalLine>]>([
    ['raw status (the report in another language)', { rawStatus: 'Hoàn thành' }],
    ['product name', { productName: 'Đèn' }],
    ['order and line ids (the key, not a field)', { orderId: 'O-2', lineKey: '9' }],
    ['-0 for 0', { refundMinor: -0 }],
  ])('%s leaves it the same', (_name, change) => {
    expect(lineFingerprint({ ...line, ...change })).toBe(lineFingerprint(line));
  });

  test('the resolved refund and completion stand in for the line’s own', () => {
    const resolved = lineFingerprint({ ...line, refundMinor: 5, completedTime: 7 });
    expect(lineFingerprint(line, 5, 7)).toBe(resolved);
    expect(lineFingerprint(line, 5, null)).not.toBe(resolved);
  });

  test('a value a stored line cannot hold gives no fingerprint (compared field by field)', () => {
    expect(lineFingerprint({ ...line, voucher: undefined as unknown as null })).toBeNull();
    expect(lineFingerprint({ ...line, netMinor: Number.NaN })).toBeNull();
    expect(lineFingerprint({ ...line, subIds: [undefined as unknown as string] })).toBeNull();
    expect(lineFingerprint(line)).toMatch(/^[0-9a-z]+:[0-9a-z]+$/);
  });
});
