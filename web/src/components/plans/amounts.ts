/**
 * Amounts and rates as people type them in the console's inputs: money in major units of the org's
 * currency (`150000` ₫, `12.50` ¥) ↔ minor units; rates as percentages (`12.5` or `12,5`) ↔ basis points.
 * Parsers answer null for an empty input and NaN for one that cannot be read.
 */

/** Minor-unit digits of a currency (VND 0, CNY 2), from the browser's Intl data. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** `1.500.000` or `1 500 000` (VND), `1,234.50` (CNY) → minor units; no sign, at most the currency's decimals. */
export function parseMoney(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const plain = text.replace(/[\s\u00a0\u202f₫¥$]/g, '');
  if (plain === '') return null;
  if (digits === 0) return /^\d{1,3}([.,]\d{3})*$|^\d+$/.test(plain) ? Number(plain.replace(/[.,]/g, '')) : Number.NaN;
  const match = new RegExp(`^(\\d+|\\d{1,3}(,\\d{3})+)(\\.(\\d{1,${digits}}))?$`).exec(plain);
  if (!match) return Number.NaN;
  const whole = Number((match[1] ?? '').replace(/,/g, ''));
  const fraction = (match[4] ?? '').padEnd(digits, '0');
  return whole * 10 ** digits + Number(fraction || '0');
}

/** Minor units → the text an input starts with (`150000`, `12.50`): no grouping, the currency's decimals. */
export function moneyInput(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return '';
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${minor < 0 ? '-' : ''}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** `12.5` / `12,5` / `12.5 %` → 1250 bps; 0–100 % with at most two decimals. */
export function parseRate(text: string): number | null {
  const plain = text.replace(/[\s%]/g, '').replace(',', '.');
  if (plain === '') return null;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(plain)) return Number.NaN;
  const [whole = '0', fraction = ''] = plain.split('.');
  const bps = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return bps <= 10_000 ? bps : Number.NaN;
}

/** 1250 bps → `12.5` (`12,5` in Vietnamese), the text a rate input starts with. */
export function rateInput(bps: number, language: string): string {
  const text = String(bps / 100);
  return language.startsWith('vi') ? text.replace('.', ',') : text;
}

/** A whole count (`1.234`, `1,234` or `1234`) → the number; null when empty, NaN when unreadable. */
export function parseCount(text: string): number | null {
  const plain = text.trim();
  if (plain === '') return null;
  if (!/^\d{1,3}([.,\s]\d{3})*$|^\d{1,13}$/.test(plain)) return Number.NaN;
  return Number(plain.replace(/\D/g, ''));
}

/** Whether a parsed value is usable (not NaN). */
export const readable = (v: number | null): v is number | null => v === null || !Number.isNaN(v);
