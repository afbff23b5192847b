import type { Livestream } from '../../types';

/**
 * Where a running session is on its run-sheet (docs/livestream-console.md, "Where the stream is"): minutes elapsed since
 * the actual start (else the scheduled start), the segment holding that minute and the one after it,
 * and the flash offer countdown. Pure, for the live room and its tests.
 */
export interface ClockSegment {
  position: number;
  productId: string;
  startMinute: number;
  durationMinutes: number;
  flashOffer: { startMinute: number; endMinute: number } | null;
}

/** When the stream started (or is due to): epoch ms. */
export const streamStart = (s: Pick<Livestream, 'actualStart' | 'scheduledStart'>): number =>
  Date.parse(s.actualStart ?? s.scheduledStart);

/** Whole minutes since `start` (negative before it). */
export const elapsedMinutes = (start: number, now: number): number => Math.floor((now - start) / 60_000);

/** The segment holding minute `elapsed` and the next one; before the first: no current, the first next. */
export function segmentAt<S extends ClockSegment>(
  segments: readonly S[],
  elapsed: number,
): { current: S | null; next: S | null } {
  const ordered = [...segments].sort((a, b) => a.position - b.position);
  const i = ordered.findIndex((s) => elapsed >= s.startMinute && elapsed < s.startMinute + s.durationMinutes);
  if (i >= 0) return { current: ordered[i] ?? null, next: ordered[i + 1] ?? null };
  return { current: null, next: ordered.find((s) => s.startMinute > elapsed) ?? null };
}

export interface OfferWindow {
  startsAt: number;
  endsAt: number;
}

/**
 * The product's flash offer to count down to: the session's own offers (exact times) that have not
 * ended, earliest first; else the segment's offer, its minutes counted from the scheduled start.
 */
export function offerWindow(
  session: Pick<Livestream, 'flashOffers' | 'scheduledStart'>,
  segment: ClockSegment,
  now: number,
): OfferWindow | null {
  const exact = session.flashOffers
    .filter((o) => o.productId === segment.productId)
    .map((o) => ({ startsAt: Date.parse(o.startsAt), endsAt: Date.parse(o.endsAt) }))
    .filter((o) => o.endsAt > now)
    .sort((a, b) => a.startsAt - b.startsAt)[0];
  if (exact) return exact;
  if (!segment.flashOffer) return null;
  const base = Date.parse(session.scheduledStart);
  const w = { startsAt: base + segment.flashOffer.startMinute * 60_000, endsAt: base + segment.flashOffer.endMinute * 60_000 };
  return w.endsAt > now ? w : null;
}

/** `upcoming` (counting to its start), `running` (counting to its end) with the ms left. */
export function offerCountdown(w: OfferWindow, now: number): { phase: 'upcoming' | 'running'; msLeft: number } {
  return now < w.startsAt
    ? { phase: 'upcoming', msLeft: w.startsAt - now }
    : { phase: 'running', msLeft: Math.max(0, w.endsAt - now) };
}

/** `mm:ss` (minutes may pass 59: `75:03`). */
export function mmss(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
