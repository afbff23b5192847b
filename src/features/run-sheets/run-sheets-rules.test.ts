import { describe, expect, test } from 'vitest';
import {
  bestSellersFirst,
  checkSegments,
  type DraftSession,
  draftRunSheet,
  type StoredSegment,
  splitMinutes,
  stockWarning,
  streamMinutes,
} from './run-sheets.js';

const START = Date.parse('2099-11-25T20:00:00+07:00');
const min = (m: number) => START + m * 60_000;
const session = (minutes: number, productIds: string[], flashOffers: DraftSession['flashOffers'] = []): DraftSession => ({
  scheduledStart: START,
  scheduledEnd: min(minutes),
  productIds,
  flashOffers,
});
const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i + 1}`);

describe('run-sheet draft: minutes', () => {
  test.each([
    { d: 60, n: 3, want: [20, 20, 20] },
    { d: 45, n: 7, want: [6, 6, 6, 6, 6, 6, 9] },
    { d: 120, n: 1, want: [120] },
    { d: 10, n: 4, want: [2, 2, 2, 4] },
    { d: 3, n: 7, want: [0, 0, 0, 0, 0, 0, 3] },
    { d: 0, n: 2, want: [0, 0] },
    { d: 60, n: 0, want: [] },
  ])('$n products in $d min → $want', ({ d, n, want }) => {
    expect(splitMinutes(d, n)).toEqual(want);
    const segments = draftRunSheet(session(d, ids(n)), new Map(), new Map());
    expect(segments.map((s) => s.durationMinutes)).toEqual(want);
    expect(segments.map((s) => s.position)).toEqual(want.map((_, i) => i + 1));
    // contiguous: each segment starts where the previous ended
    expect(segments.map((s) => s.startMinute)).toEqual(want.map((_, i) => want.slice(0, i).reduce((a, b) => a + b, 0)));
  });

  test.each([
    { label: 'whole minutes', ms: 60 * 60_000, want: 60 },
    { label: 'a partial minute is dropped', ms: 45 * 60_000 + 59_999, want: 45 },
    { label: 'end before start', ms: -60_000, want: 0 },
  ])('D: $label', ({ ms, want }) => {
    expect(streamMinutes({ scheduledStart: START, scheduledEnd: START + ms })).toBe(want);
  });
});

describe('run-sheet draft: best sellers first', () => {
  test.each([
    { label: 'no sales keeps the session order', sales: {}, want: ['a', 'b', 'c', 'd'] },
    { label: 'highest net sales first', sales: { c: 500, b: 100 }, want: ['c', 'b', 'a', 'd'] },
    { label: 'ties in session order', sales: { d: 300, b: 300, a: 100 }, want: ['b', 'd', 'a', 'c'] },
    { label: 'negative net (refunds) after zero', sales: { a: -50 }, want: ['b', 'c', 'd', 'a'] },
  ])('$label', ({ sales, want }) => {
    const net = new Map(Object.entries(sales));
    expect(bestSellersFirst(['a', 'b', 'c', 'd'], net)).toEqual(want);
    expect(draftRunSheet(session(40, ['a', 'b', 'c', 'd']), new Map(), net).map((s) => s.productId)).toEqual(want);
  });

  test('talking points from the USP, FAQs from the product, the earliest flash offer of the product', () => {
    const offers = [
      { productId: 'b', priceMinor: 99_000, quantityLimit: 50, startsAt: min(30), endsAt: min(35) },
      { productId: 'b', priceMinor: 89_000, quantityLimit: null, startsAt: min(10) + 59_000, endsAt: min(15) },
      { productId: 'a', priceMinor: 10_000, quantityLimit: null, startsAt: min(-2) + 30_000, endsAt: min(1) },
    ];
    const products = new Map([
      ['a', { usp: 'Mỏng nhẹ <b>', faqs: [{ q: 'Q?', a: 'A.' }] }],
      ['b', { usp: null, faqs: [] }],
    ]);
    const [a, b] = draftRunSheet(session(60, ['a', 'b'], offers), products, new Map());
    expect(a).toMatchObject({ talkingPoints: 'Mỏng nhẹ <b>', faqs: [{ q: 'Q?', a: 'A.' }] });
    expect(a?.flashOffer).toEqual({ priceMinor: 10_000, quantity: null, startMinute: -2, endMinute: 1 });
    expect(b).toMatchObject({ talkingPoints: '', faqs: [] });
    expect(b?.flashOffer).toEqual({ priceMinor: 89_000, quantity: null, startMinute: 10, endMinute: 15 });
    expect(draftRunSheet(session(60, ['c'], offers), new Map(), new Map())[0]?.flashOffer).toBeNull();
  });
});

describe('stock warning', () => {
  const offer = (quantity: number | null) => ({ priceMinor: 1, quantity, startMinute: 0, endMinute: 5 });
  test.each([
    { stock: null, offer: offer(10), want: false },
    { stock: 0, offer: null, want: true },
    { stock: 0, offer: offer(null), want: true },
    { stock: 5, offer: null, want: false },
    { stock: 5, offer: offer(null), want: false },
    { stock: 9, offer: offer(10), want: true },
    { stock: 10, offer: offer(10), want: false },
    { stock: 11, offer: offer(10), want: false },
  ])('stock $stock, offer quantity $offer.quantity → $want', ({ stock, offer, want }) => {
    expect(stockWarning(stock, offer)).toBe(want);
  });
});

describe('checks of an edited sheet', () => {
  const seg = (over: Partial<StoredSegment>): StoredSegment => ({
    position: 1,
    productId: 'a',
    startMinute: 0,
    durationMinutes: 10,
    talkingPoints: '',
    faqs: [],
    flashOffer: null,
    ...over,
  });
  const ctx = { productIds: ['a', 'b'], minutes: 30 };
  const paths = (segments: StoredSegment[]) => checkSegments(segments, ctx).map((e) => `${e.path} ${e.key}`);
  test.each([
    { label: 'valid, any order', segments: [seg({ position: 2, productId: 'b', startMinute: 10 }), seg({})], want: [] },
    {
      label: 'a gap in positions',
      segments: [seg({}), seg({ position: 3 })],
      want: ['segments.1.position run_sheet.position.not_contiguous'],
    },
    {
      label: 'a repeated position',
      segments: [seg({}), seg({ productId: 'b' })],
      want: ['segments.1.position run_sheet.position.not_contiguous'],
    },
    {
      label: 'a product not of the session',
      segments: [seg({ productId: 'x' })],
      want: ['segments.0.productId run_sheet.product.not_in_session'],
    },
    {
      label: 'a segment past the end',
      segments: [seg({ startMinute: 25, durationMinutes: 6 })],
      want: ['segments.0.durationMinutes run_sheet.segment.outside_stream'],
    },
    { label: 'ending exactly at the end', segments: [seg({ startMinute: 20, durationMinutes: 10 })], want: [] },
    {
      label: 'an offer ending before it starts',
      segments: [seg({ flashOffer: { priceMinor: 1, quantity: null, startMinute: 5, endMinute: 4 } })],
      want: ['segments.0.flashOffer.endMinute run_sheet.offer.ends_before_start'],
    },
  ])('$label', ({ segments, want }) => {
    expect(paths(segments)).toEqual(want);
  });
});
