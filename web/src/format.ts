/**
 * Number and money display. Amounts arrive as integers in minor units (API `…Minor` fields);
 * the minor-unit digits come from Intl's ISO 4217 data (VND 0, CNY 2), as on the server.
 */

/** A currency is shown in its home market's style whatever the UI language (VND `1.234.568 ₫`, CNY `¥1,234,567.50`). */
const HOME_LOCALE: Record<string, string> = { VND: 'vi-VN', CNY: 'zh-CN' };

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** Digits after the decimal point of one minor unit of `currency`. */
export function minorDigits(currency: string): number {
  return nf('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units → major units as a JS number (display only; never for arithmetic on money). */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

function moneyLocale(currency: string, locale: string): string {
  return HOME_LOCALE[currency.toUpperCase()] ?? locale;
}

/** `formatMoney(123456789, 'CNY', 'en')` → `¥1,234,567.89`; `formatMoney(1234568, 'VND', 'en')` → `1.234.568 ₫`. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const cur = currency.toUpperCase();
  const digits = minorDigits(cur);
  return nf(moneyLocale(cur, locale), {
    style: 'currency',
    currency: cur,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(toMajor(minor, cur));
}

/** A plain count in the UI language (`12,345`, `12.345`). */
export function formatNumber(value: number, locale: string): string {
  return nf(locale, {}).format(value);
}

/**
 * A short figure for cards and charts: `1.23亿` / `4.5万` in zh-CN, `123,5 Tr` in vi, `123.5M` in en.
 * With `currency`, `value` is in minor units and the currency sign is added.
 */
export function formatCompact(value: number, locale: string, currency?: string): string {
  if (!currency) return nf(locale, { notation: 'compact', maximumFractionDigits: 2 }).format(value);
  const cur = currency.toUpperCase();
  return nf(locale, { notation: 'compact', maximumFractionDigits: 2, style: 'currency', currency: cur }).format(
    toMajor(value, cur),
  );
}

/** A rate given as a fraction (`0.125` → `12.5%`); null → `—`. */
export function formatPercent(rate: number | null, locale: string): string {
  if (rate === null) return '—';
  return nf(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** A ratio such as ROI (`4.25` → `4.25×`); null → `—`. */
export function formatRatio(value: number | null, locale: string): string {
  if (value === null) return '—';
  return `${nf(locale, { maximumFractionDigits: 2 }).format(value)}×`;
}

/** An ISO date-time shown in the org's time zone (`23/11/2026, 22:27`). */
export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return d.toLocaleString(locale, { timeZone, dateStyle: 'short', timeStyle: 'short' });
  } catch {
    return d.toLocaleString(locale);
  }
}
