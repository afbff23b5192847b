/** Calendar dates (`YYYY-MM-DD`) and months (`YYYY-MM`) in the org's time zone, as the API reads them. */

/** Today's date in `timeZone` (falls back to UTC for an unknown zone). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
      now,
    );
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** `date` moved by `days` (negative goes back). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;

/** The month before `period` (`2026-01` → `2025-12`). */
export function previousPeriod(period: string): string {
  return addDays(`${period}-01`, -1).slice(0, 7);
}

/** Every date from `from` to `to`, both included (at most `max`). */
export function datesBetween(from: string, to: string, max = 400): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < max; d = addDays(d, 1)) out.push(d);
  return out;
}

export const isDate = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v);
export const isPeriod = (v: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
