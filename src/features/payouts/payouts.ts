import { dayStart } from '../../lib/time.js';

/** A calendar month of the org's time zone: its first instant, the first instant after it, its last day. */
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

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export const PAYOUT_STATUSES = ['draft', 'approved', 'paid'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/** A cell for a bank or payroll spreadsheet: quoted when needed, and a leading `= + - @` defused with `'`. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
