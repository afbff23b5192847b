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
const offsets = new Map<string, number>();

/**
 * A zone's UTC offset at an instant. Offsets only change on quarter-hour boundaries, so one lookup
 * per zone and quarter hour is remembered (importers convert every row's times).
 */
function offsetAt(at: number, timeZone: string): number {
  const bucket = Math.floor(at / QUARTER_HOUR);
  const key = `${timeZone}|${bucket}`;
  const known = offsets.get(key);
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
  if (offsets.size > 100_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** UTC ms of a wall-clock time (given as if UTC) in a time zone. */
export function zonedWallToUtc(wall: number, timeZone: string): number {
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

/** The instant a calendar day (`YYYY-MM-DD`) starts in a time zone. */
export function dayStart(day: string, timeZone: string): number {
  return zonedWallToUtc(Date.parse(`${day}T00:00:00Z`), timeZone);
}
