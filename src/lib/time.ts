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

/** UTC ms of a wall-clock time (given as if UTC) in a time zone. */
export function zonedWallToUtc(wall: number, timeZone: string): number {
  const offset = (at: number) => {
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
    const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, x.value]));
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - at;
  };
  const first = wall - offset(wall);
  return wall - offset(first);
}

/** The instant a calendar day (`YYYY-MM-DD`) starts in a time zone. */
export function dayStart(day: string, timeZone: string): number {
  return zonedWallToUtc(Date.parse(`${day}T00:00:00Z`), timeZone);
}
