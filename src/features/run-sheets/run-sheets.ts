import { type FieldError, fieldError } from '../../lib/errors.js';
import { problem } from '../../lib/problems/problem.js';

/**
 * Pure rules of a livestream run-sheet (docs/run-sheets.md): the first draft of a session, the stock
 * warning recomputed at every read, and the checks of an edited sheet.
 */

export const MINUTE_MS = 60_000;

export interface Faq {
  q: string;
  a: string;
}
export interface SegmentOffer {
  priceMinor: number;
  quantity: number | null;
  startMinute: number;
  endMinute: number;
}
/** A segment as stored (without the stock warning, which is never stored). */
export interface StoredSegment {
  position: number;
  productId: string;
  startMinute: number;
  durationMinutes: number;
  talkingPoints: string;
  faqs: Faq[];
  flashOffer: SegmentOffer | null;
}
export interface Segment extends StoredSegment {
  stockWarning: boolean;
}

export interface DraftSession {
  scheduledStart: number;
  scheduledEnd: number;
  /** The session's products in their listed order. */
  productIds: readonly string[];
  flashOffers: readonly {
    productId: string;
    priceMinor: number;
    quantityLimit: number | null;
    startsAt: number;
    endsAt: number;
  }[];
}
export interface DraftProduct {
  usp: string | null;
  faqs: Faq[];
}

/** Whole minutes of the stream: ⌊(scheduledEnd − scheduledStart) ÷ 60 s⌋ (never below 0). */
export const streamMinutes = (s: { scheduledStart: number; scheduledEnd: number }): number =>
  Math.max(0, Math.floor((s.scheduledEnd - s.scheduledStart) / MINUTE_MS));

/** D minutes over n segments: ⌊D/n⌋ each, the last also D mod n. */
export function splitMinutes(minutes: number, n: number): number[] {
  if (n <= 0) return [];
  const each = Math.floor(minutes / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? each + (minutes % n) : each));
}

/** The products best sellers first (net sales, highest first), ties in the session's order. */
export function bestSellersFirst(productIds: readonly string[], netSales: ReadonlyMap<string, number>): string[] {
  return productIds
    .map((id, index) => ({ id, index, net: netSales.get(id) ?? 0 }))
    .sort((a, b) => b.net - a.net || a.index - b.index)
    .map((p) => p.id);
}

/** The product's earliest flash offer of the session, in minutes from the scheduled start; null without one. */
export function segmentOffer(session: DraftSession, productId: string): SegmentOffer | null {
  const offers = session.flashOffers.filter((o) => o.productId === productId);
  if (!offers.length) return null;
  const first = offers.reduce((a, b) => (b.startsAt < a.startsAt ? b : a));
  const minute = (t: number) => Math.floor((t - session.scheduledStart) / MINUTE_MS);
  return {
    priceMinor: first.priceMinor,
    quantity: first.quantityLimit ?? null,
    startMinute: minute(first.startsAt),
    endMinute: minute(first.endsAt),
  };
}

/** The first draft of a session's run-sheet; products missing from `products` get empty talking points. */
export function draftRunSheet(
  session: DraftSession,
  products: ReadonlyMap<string, DraftProduct>,
  netSales: ReadonlyMap<string, number>,
): StoredSegment[] {
  const order = bestSellersFirst(session.productIds, netSales);
  const durations = splitMinutes(streamMinutes(session), order.length);
  let start = 0;
  return order.map((productId, i) => {
    const product = products.get(productId);
    const durationMinutes = durations[i] ?? 0;
    const segment: StoredSegment = {
      position: i + 1,
      productId,
      startMinute: start,
      durationMinutes,
      talkingPoints: product?.usp ?? '',
      faqs: product?.faqs ?? [],
      flashOffer: segmentOffer(session, productId),
    };
    start += durationMinutes;
    return segment;
  });
}

/** The stock is known and is 0, or below the offer's quantity. */
export function stockWarning(stock: number | null | undefined, offer: SegmentOffer | null): boolean {
  if (stock === null || stock === undefined) return false;
  return stock <= 0 || (offer?.quantity != null && stock < offer.quantity);
}

export const withWarnings = (segments: StoredSegment[], stock: ReadonlyMap<string, number | null>): Segment[] =>
  segments.map((s) => ({ ...s, stockWarning: stockWarning(stock.get(s.productId), s.flashOffer) }));

/**
 * Field errors of an edited sheet (`segments.N.field`): positions 1…n each once, products of the session,
 * segments inside the stream's minutes, offers that end no earlier than they start.
 */
export function checkSegments(
  segments: readonly StoredSegment[],
  session: { productIds: readonly string[]; minutes: number },
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  segments.forEach((s, i) => {
    if (s.position < 1 || s.position > segments.length || seen.has(s.position))
      errors.push(
        fieldError(
          `segments.${i}.position`,
          problem('run_sheet.position.not_contiguous', { last: segments.length }),
          `positions must run 1 to ${segments.length}, each once`,
        ),
      );
    seen.add(s.position);
    if (!session.productIds.includes(s.productId))
      errors.push(
        fieldError(`segments.${i}.productId`, problem('run_sheet.product.not_in_session'), 'is not a product of this session'),
      );
    const end = s.startMinute + s.durationMinutes;
    if (end > session.minutes)
      errors.push(
        fieldError(
          `segments.${i}.durationMinutes`,
          problem('run_sheet.segment.outside_stream', { end, minutes: session.minutes }),
          `the segment ends at minute ${end}, after the stream's ${session.minutes} minutes`,
        ),
      );
    if (s.flashOffer && s.flashOffer.endMinute < s.flashOffer.startMinute)
      errors.push(
        fieldError(
          `segments.${i}.flashOffer.endMinute`,
          problem('run_sheet.offer.ends_before_start'),
          'must not be before flashOffer.startMinute',
        ),
      );
  });
  return errors;
}
