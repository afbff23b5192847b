import type { RunSheetBody, Segment } from '../../data/run-sheets';

/**
 * The run-sheet as the editor holds it (docs/livestream-console.md): segments in their order, durations as typed.
 * Start minutes are running sums of the durations before each segment, recomputed after every move or
 * duration change, so the sheet stays gapless as the server's draft makes it.
 */
export interface DraftSegment extends Omit<Segment, 'durationMinutes'> {
  /** As typed ('' while the field is empty). */
  duration: string;
  /** Stable while the segment moves (React key, focus after a move). */
  uid: string;
}

export const toDraft = (segments: readonly Segment[]): DraftSegment[] =>
  [...segments]
    .sort((a, b) => a.position - b.position)
    .map(({ durationMinutes, ...s }, i) => ({ ...s, duration: String(durationMinutes), uid: `s${i}` }));

/** A typed duration as whole minutes (not a whole number ≥ 0: 0, the server then names the field). */
export const minutesOf = (typed: string): number => {
  const n = Number(typed);
  return Number.isInteger(n) && n >= 0 ? n : 0;
};

/** Positions 1…n and start minutes as running sums from minute 0. */
export function restart(segments: readonly DraftSegment[]): DraftSegment[] {
  let start = 0;
  return segments.map((s, i) => {
    const next = { ...s, position: i + 1, startMinute: start };
    start += minutesOf(s.duration);
    return next;
  });
}

/** Moves the segment at `index` by `by` places (−1 up, +1 down); out of range: unchanged. */
export function move(segments: readonly DraftSegment[], index: number, by: -1 | 1): DraftSegment[] {
  const to = index + by;
  if (index < 0 || to < 0 || to >= segments.length) return [...segments];
  const next = [...segments];
  const [moved] = next.splice(index, 1);
  if (moved) next.splice(to, 0, moved);
  return restart(next);
}

/** The minutes the segments fill. */
export const totalMinutes = (segments: readonly DraftSegment[]): number =>
  segments.reduce((sum, s) => sum + minutesOf(s.duration), 0);

/** The PUT body: the draft in its order (`stockWarning` is recomputed by the server). */
export const toBody = (segments: readonly DraftSegment[]): RunSheetBody => ({
  segments: segments.map((s, i) => ({
    position: i + 1,
    productId: s.productId,
    startMinute: s.startMinute,
    durationMinutes: s.duration.trim() === '' ? Number.NaN : Number(s.duration),
    talkingPoints: s.talkingPoints,
    faqs: s.faqs,
    flashOffer: s.flashOffer,
  })),
});
