const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
export function dayInZone(ms: number, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter.format(ms);
}

/** The UTC day of an instant. */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

const QUARTER_HOUR = 900_000;
/** Per zone: quarter-hour bucket → offset (number keys: no key string built per lookup). */
const offsets = new Map<string, Map<number, number>>();
let remembered = 0;

/**
 * A zone's UTC offset at an instant. Offsets only change on quarter-hour boundaries, so one lookup
 * per zone and quarter hour is remembered (importers convert every row's times).
 */
function offsetAt(at: number, timeZone: string): number {
  const bucket = Math.floor(at / QUARTER_HOUR);
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const known = zone.get(bucket);
  if (known !== undefined) return known;
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(timeZone, format);
  }
  // Measured at the bucket's start, a whole second: formatToParts has no milliseconds.
  const start = bucket * QUARTER_HOUR;
  const p = Object.fromEntries(format.formatToParts(start).map((x) => [x.type, x.value]));
  const offset =
    Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - start;
  if (++remembered > 100_000) {
    for (const buckets of offsets.values()) buckets.clear();
    remembered = 1;
  }
  zone.set(bucket, offset);
  return offset;
}

/** UTC ms of a wall-clock time (given as if UTC) in a time zone. */
export function zonedWallToUtc(wall: number, timeZone: string): number {
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

const HOUR = 3_600_000;
/** Milliseconds in a day of 24 hours (a calendar day in a zone may have 23 or 25: see dayStart). */
export const DAY_MS = 86_400_000;

/**
 * The instant a calendar day (`YYYY-MM-DD`) starts in a time zone: its first instant, so also on a day
 * whose midnight the clocks skip (Havana, Santiago: 23:59:59 is followed by 01:00, the day starts at 01:00)
 * or repeat (a fall-back from 01:00 to 00:00: the first midnight). 23- and 25-hour days follow from it.
 */
export function dayStart(day: string, timeZone: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`);
  const guess = zonedWallToUtc(wall, timeZone);
  if (dayInZone(guess, timeZone) === day && dayInZone(guess - 1, timeZone) < day) return guess;
  // Rare (a transition at midnight): bisect for the first instant of `day`. Offsets lie within −12 h…+14 h,
  // so 15 h before the wall time is always the day before and 13 h after it never is.
  let before = wall - 15 * HOUR;
  let first = wall + 13 * HOUR;
  while (first - before > 1) {
    const mid = Math.floor((before + first) / 2);
    if (dayInZone(mid, timeZone) < day) before = mid;
    else first = mid;
  }
  return first;
}

/** The calendar day `days` days after `day` (before, when negative): date arithmetic, no time zone involved. */
export const addDays = (day: string, days: number): string => utcDay(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS);

/** From `start` on (until the next span's start), the zone is `offsetMs` ahead of UTC. */
export interface OffsetSpan {
  start: number;
  offsetMs: number;
}

/**
 * A zone's UTC offsets over `[from, to)`: the offset at `from`, then one span per transition inside the
 * range, found with Intl. One span means the offset is fixed over the range (always so for Asia/Ho_Chi_Minh
 * and Asia/Shanghai), so a caller can keep the plain `instant + offset` arithmetic.
 */
export function offsetSpans(from: number, to: number, timeZone: string): OffsetSpan[] {
  const spans: OffsetSpan[] = [{ start: from, offsetMs: offsetAt(from, timeZone) }];
  // One sample per UTC day (remembered by offsetAt, shared by every query over those days): no zone
  // changes its offset twice within a day, so a change between two samples is one transition.
  let known = from;
  for (let at = (Math.floor(from / DAY_MS) + 1) * DAY_MS; known < to - 1; at += DAY_MS) {
    const sample = Math.min(at, to - 1);
    const offsetMs = offsetAt(sample, timeZone);
    const current = spans[spans.length - 1] as OffsetSpan;
    if (offsetMs !== current.offsetMs) spans.push({ start: transitionBetween(known, sample, timeZone), offsetMs });
    known = sample;
  }
  return spans;
}

/** The quarter hour where the offset changes, after `before` and at or before `after` (offsets differ there). */
function transitionBetween(before: number, after: number, timeZone: string): number {
  const old = offsetAt(before, timeZone);
  let lo = Math.floor(before / QUARTER_HOUR);
  let hi = Math.floor(after / QUARTER_HOUR);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid * QUARTER_HOUR, timeZone) === old) lo = mid;
    else hi = mid;
  }
  return hi * QUARTER_HOUR;
}

/** A month `YYYY-MM` (payout periods, ledger filters). */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A calendar month of a time zone: its first instant, the first instant after it, and its last day. */
export function periodBounds(period: string, timeZone: string): { start: number; end: number; lastDay: string } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return {
    start: dayStart(`${period}-01`, timeZone),
    end: dayStart(`${next}-01`, timeZone),
    lastDay: `${period}-${String(last).padStart(2, '0')}`,
  };
}
