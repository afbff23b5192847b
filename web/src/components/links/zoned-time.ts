/**
 * An expiry typed into `<input type="datetime-local">` is a wall-clock time in the org's time zone (the one
 * every date of the console is shown in), not the browser's: these turn it into an instant and back.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function formatOf(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    const options = {
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    } as const;
    try {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    formats.set(timeZone, format);
  }
  return format;
}

function wallParts(ms: number, timeZone: string) {
  const p = Object.fromEntries(
    formatOf(timeZone)
      .formatToParts(ms)
      .map((x) => [x.type, x.value]),
  );
  return { y: Number(p.year), mo: Number(p.month), d: Number(p.day), h: Number(p.hour), mi: Number(p.minute) };
}

/** The wall clock of `ms` in `timeZone`, read as if it were UTC (so the difference to `ms` is the zone's offset). */
function wallAsUtc(ms: number, timeZone: string): number {
  const p = wallParts(ms, timeZone);
  return Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant → `YYYY-MM-DDTHH:mm` on the wall clock of `timeZone` (the value of a datetime-local input). */
export function toZonedInput(iso: string | null, timeZone: string): string {
  if (!iso || !Number.isFinite(Date.parse(iso))) return '';
  const p = wallParts(Date.parse(iso), timeZone);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}`;
}

/** `YYYY-MM-DDTHH:mm` on the wall clock of `timeZone` → an ISO instant; '' → null. */
export function fromZonedInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const target = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  let guess = target;
  // Twice: the offset at the guess may differ from the offset at the answer across a DST change.
  for (let i = 0; i < 2; i++) guess = target - (wallAsUtc(guess, timeZone) - guess);
  return new Date(guess).toISOString();
}
