import { describe, expect, test } from 'vitest';
import { DAY_MS } from '../../lib/time.js';
import { type AttributionIndex, attribute } from './attribution.js';
import type { Attribution, CanonicalLine } from './lines.js';

const ORDER_TIME = Date.parse('2026-11-10T10:00:00Z');
const CLICK_ID = 'AbC123xyz789';

const line = (over: Partial<CanonicalLine> = {}): CanonicalLine => ({
  platform: 'shopee',
  orderId: 'O1',
  lineKey: '1',
  status: 'completed',
  rawStatus: 'Hoàn thành',
  orderTime: ORDER_TIME,
  completedTime: null,
  sku: null,
  productName: null,
  category: null,
  quantity: 1,
  grossMinor: 100_000,
  netMinor: 100_000,
  refundMinor: 0,
  platformCommissionMinor: null,
  currency: 'VND',
  subIds: [],
  creator: null,
  voucher: null,
  contentType: null,
  newBuyer: null,
  ...over,
});

const index: AttributionIndex = {
  kosByCode: new Map([['LAN01', 'kos-lan']]),
  kosByAccount: new Map([['shopee|minh.review', 'kos-minh']]),
  kosByVoucher: new Map([['HOA10', 'kos-hoa']]),
  clicks: new Map([[CLICK_ID, { linkId: 'link-1', kosId: 'kos-click', clickedAt: ORDER_TIME - 2 * DAY_MS }]]),
  attributionWindowDays: 7,
};

const by = (
  kosId: string,
  attribution: Attribution['attribution'],
  linkId: string | null = null,
  clickId: string | null = null,
) => ({
  kosId,
  attribution,
  linkId,
  clickId,
});
const NONE = { kosId: null, attribution: 'none', linkId: null, clickId: null };

describe('attribute: the first rule that matches (docs/attribution.md)', () => {
  test.each([
    ['a sub-id equal to a KOS code', { subIds: ['LAN01'] }, by('kos-lan', 'code')],
    ['codes compare case-insensitively and trimmed', { subIds: [' lan01 '] }, by('kos-lan', 'code')],
    [
      'a code in a later sub-id still wins over a click id in an earlier one',
      { subIds: [CLICK_ID, 'LAN01'] },
      by('kos-lan', 'code'),
    ],
    ['a click id of ours inside the window', { subIds: [CLICK_ID] }, by('kos-click', 'click', 'link-1', CLICK_ID)],
    ['click ids compare exactly (another case is not ours)', { subIds: [CLICK_ID.toLowerCase()] }, NONE],
    [
      'a click exactly at the window’s end still counts',
      { subIds: [CLICK_ID], orderTime: ORDER_TIME + 5 * DAY_MS },
      by('kos-click', 'click', 'link-1', CLICK_ID),
    ],
    ['a click one millisecond past the window does not', { subIds: [CLICK_ID], orderTime: ORDER_TIME + 5 * DAY_MS + 1 }, NONE],
    ['an order before its click does not match the click', { subIds: [CLICK_ID], orderTime: ORDER_TIME - 2 * DAY_MS - 1 }, NONE],
    ['the creator equal to a KOS account on the line’s platform', { creator: '@Minh.Review' }, by('kos-minh', 'account')],
    ['the same creator on another platform does not match', { creator: 'minh.review', platform: 'tiktok_shop' }, NONE],
    ['a click beats the creator', { subIds: [CLICK_ID], creator: 'minh.review' }, by('kos-click', 'click', 'link-1', CLICK_ID)],
    ['the voucher equal to a KOS voucher (case-insensitive)', { voucher: 'hoa10' }, by('kos-hoa', 'voucher')],
    ['the creator beats the voucher', { creator: 'minh.review', voucher: 'HOA10' }, by('kos-minh', 'account')],
    ['nothing known: none', { subIds: ['NOBODY'], creator: 'someone', voucher: 'FREESHIP' }, NONE],
    ['no fields at all: none', {}, NONE],
  ] as const)('%s', (_name, over, want) => {
    expect(attribute(line(over as Partial<CanonicalLine>), index)).toEqual(want);
  });
});
