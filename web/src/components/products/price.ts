import { toMajor } from '../../format';

/** Digits after the point in `currency`: VND 0, CNY 2 (ISO 4217, through the shared formatter). */
export const minorDigits = (currency: string): number => Math.round(-Math.log10(toMajor(1, currency)));

/**
 * An amount typed in major units → minor units, exactly (no float arithmetic): `1.234.000` or `1234000`
 * VND → 1234000; `12.5`, `12,50` or `1,234.50` CNY → 1250 / 123450. The last `.` or `,` is the decimal
 * point only when at most the currency's digits follow it. Null when the text is not an amount.
 */
export function parseMajor(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const s = text.replace(/[\s\u00a0₫¥$€]/g, '').replace(/(VND|CNY|đ)$/i, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  let whole = s;
  let fraction = '';
  const point = digits > 0 ? new RegExp(`^(.*)[.,](\\d{1,${digits}})$`).exec(s) : null;
  if (point) {
    whole = point[1] ?? '';
    fraction = point[2] ?? '';
  }
  whole = whole.replace(/[.,]/g, '');
  if (!/^\d+$/.test(whole)) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units → the text an amount input starts with: `1234000` (VND), `12.50` (CNY). */
export function majorText(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${minor < 0 ? '-' : ''}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
