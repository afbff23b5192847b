import { describe, expect, test } from 'vitest';
import { webModule } from './web-module.js';

/** The pure rules of the run-sheet and live room pages (docs/livestream-console.md), without a browser. */
interface Seg {
  position: number;
  productId: string;
  startMinute: number;
  durationMinutes: number;
  flashOffer: { startMinute: number; endMinute: number } | null;
}
type Draft = Omit<Seg, 'durationMinutes'> & { duration: string; uid: string; talkingPoints: string; faqs: [] };
const clock = await webModule<{
  segmentAt(segments: Seg[], elapsed: number): { current: Seg | null; next: Seg | null };
  offerWindow(
    session: { flashOffers: { productId: string; startsAt: string; endsAt: string }[]; scheduledStart: string },
    segment: Seg,
    now: number,
  ): { startsAt: number; endsAt: number } | null;
  offerCountdown(w: { startsAt: number; endsAt: number }, now: number): { phase: string; msLeft: number };
  mmss(ms: number): string;
  elapsedMinutes(start: number, now: number): number;
}>('components/livestreams/live-clock.ts');
const draft = await webModule<{
  move(segments: Draft[], index: number, by: -1 | 1): Draft[];
  restart(segments: Draft[]): Draft[];
  toBody(segments: Draft[]): { segments: { position: number; startMinute: number; durationMinutes: number }[] };
}>('components/livestreams/run-sheet-draft.ts');

const seg = (position: number, startMinute: number, durationMinutes: number, flashOffer: Seg['flashOffer'] = null): Seg => ({
  position,
  productId: `p${position}`,
  startMinute,
  durationMinutes,
  flashOffer,
});
const d = (productId: string, duration: string, startMinute = 0): Draft => ({
  position: 0,
  productId,
  startMinute,
  duration,
  uid: productId,
  talkingPoints: '',
  faqs: [],
  flashOffer: null,
});

describe('the current segment', () => {
  const sheet = [seg(2, 30, 30), seg(1, 0, 30)];
  test.each([
    [-5, null, 1],
    [0, 1, 2],
    [29, 1, 2],
    [30, 2, null],
    [59, 2, null],
    [60, null, null],
  ])('minute %i: current %s, next %s', (elapsed, current, next) => {
    const at = clock.segmentAt(sheet, elapsed);
    expect(at.current?.position ?? null).toBe(current);
    expect(at.next?.position ?? null).toBe(next);
  });

  test('elapsed minutes are whole minutes, negative before the start', () => {
    expect(clock.elapsedMinutes(0, 119_999)).toBe(1);
    expect(clock.elapsedMinutes(60_000, 0)).toBe(-1);
  });
});

describe('the flash offer countdown', () => {
  const start = Date.parse('2026-12-01T13:00:00Z');
  const session = {
    scheduledStart: '2026-12-01T13:00:00Z',
    flashOffers: [
      { productId: 'p1', startsAt: '2026-12-01T13:40:00Z', endsAt: '2026-12-01T13:50:00Z' },
      { productId: 'p1', startsAt: '2026-12-01T13:10:00Z', endsAt: '2026-12-01T13:20:00Z' },
    ],
  };
  test('the earliest of the session’s own offers that has not ended, to its start and then its end', () => {
    const w = clock.offerWindow(session, seg(1, 0, 60), start + 5 * 60_000);
    expect(w).toEqual({ startsAt: start + 10 * 60_000, endsAt: start + 20 * 60_000 });
    expect(clock.offerCountdown(w as never, start + 5 * 60_000)).toEqual({ phase: 'upcoming', msLeft: 5 * 60_000 });
    expect(clock.offerCountdown(w as never, start + 15 * 60_000 + 500)).toEqual({ phase: 'running', msLeft: 299_500 });
    expect(clock.offerWindow(session, seg(1, 0, 60), start + 25 * 60_000)?.startsAt).toBe(start + 40 * 60_000);
  });
  test('without one, the segment’s offer minutes from the scheduled start; none once it ended', () => {
    const own = seg(2, 0, 60, { startMinute: 5, endMinute: 15 });
    expect(clock.offerWindow(session, own, start)).toEqual({ startsAt: start + 5 * 60_000, endsAt: start + 15 * 60_000 });
    expect(clock.offerWindow(session, own, start + 16 * 60_000)).toBeNull();
    expect(clock.offerWindow(session, seg(3, 0, 60), start)).toBeNull();
  });
  test('mm:ss, minutes past 59, whole seconds rounded up', () => {
    expect(clock.mmss(0)).toBe('00:00');
    expect(clock.mmss(61_001)).toBe('01:02');
    expect(clock.mmss(75 * 60_000 + 3_000)).toBe('75:03');
  });
});

describe('editing the run-sheet', () => {
  test('moving and changing durations renumbers and restarts the minutes as running sums', () => {
    const sheet = draft.restart([d('a', '30'), d('b', '20'), d('c', '10')]);
    const moved = draft.move(sheet, 2, -1);
    expect(moved.map((s) => [s.productId, s.position, s.startMinute])).toEqual([
      ['a', 1, 0],
      ['c', 2, 30],
      ['b', 3, 40],
    ]);
    expect(draft.move(moved, 0, -1).map((s) => s.productId)).toEqual(['a', 'c', 'b']);
  });
  test('the body sends the order shown; an emptied duration goes as null for the server to name', () => {
    const body = draft.toBody(draft.restart([d('a', '15'), d('b', '')]));
    expect(body.segments.map((s) => [s.position, s.startMinute])).toEqual([
      [1, 0],
      [2, 15],
    ]);
    expect(JSON.parse(JSON.stringify(body)).segments[1].durationMinutes).toBeNull();
  });
});
