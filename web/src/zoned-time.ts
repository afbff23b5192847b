/**
 * Instants ↔ the wall clock of the org's time zone, for `<input type="datetime-local">`: sessions are
 * scheduled and links expire in the org's time (Asia/Ho_Chi_Minh), whatever the browser's own zone is.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(timeZone: string): Intl.DateTimeFormat {
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

/** An instant (ISO text or epoch ms) as `YYYY-MM-DDTHH:mm` on the wall clock of `timeZone`; '' for null. */
export function zonedInput(value: string | number | null | undefined, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '';
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return '';
  const p = Object.fromEntries(
    formatIn(timeZone)
      .formatToParts(ms)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The calendar day (`YYYY-MM-DD`) of an instant in `timeZone`. */
export const zonedDay = (value: string | number, timeZone: string): string => zonedInput(value, timeZone).slice(0, 10);

const asUtc = (local: string): number => Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);

/** `YYYY-MM-DDTHH:mm` on the wall clock of `timeZone` → an ISO instant (`…Z`); null for '' or unreadable text. */
export function instantFromZoned(local: string, timeZone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return null;
  const wall = asUtc(local);
  if (!Number.isFinite(wall)) return null;
  // The zone's offset at a guess, then again at the answer (a DST change in between moves it once more).
  const offsetAt = (ms: number) => asUtc(zonedInput(ms, timeZone)) - (ms - (ms % 60_000));
  let ms = wall - offsetAt(wall);
  ms = wall - offsetAt(ms);
  return new Date(ms).toISOString();
}
