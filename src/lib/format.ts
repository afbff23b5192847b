import type { Locale } from './locale.js';
import { minorDigits } from './money.js';

export type { Locale };

/**
 * What people read: money, numbers and dates, the same on the console, the payout statement, bio pages
 * and human-readable exports (docs/decisions.md, "money and date display"). Pure and browser-safe (the
 * console bundles this file): Intl only, no node: module, no feature.
 *
 * Money is written in the convention of its currency whatever the interface language; numbers and dates
 * follow the interface language. Separators and date layouts are chosen here rather than taken whole from
 * the runtime's ICU data, so Node and the browser print the same characters — an ordinary space, never
 * U+00A0 or U+202F.
 */

interface Separators {
  group: string;
  decimal: string;
}
interface MoneyStyle extends Separators {
  symbol: string;
  /** `1.234.568 ₫` (true) or `¥1,234,567.50` (false). */
  after: boolean;
}

/** The home-market convention of each currency we know; other currencies follow the interface language. */
const MONEY_STYLES: Readonly<Record<string, MoneyStyle>> = {
  VND: { group: '.', decimal: ',', symbol: '₫', after: true },
  CNY: { group: ',', decimal: '.', symbol: '¥', after: false },
};
const SEPARATORS: Readonly<Record<Locale, Separators>> = {
  vi: { group: '.', decimal: ',' },
  'zh-CN': { group: ',', decimal: '.' },
  en: { group: ',', decimal: '.' },
};
const INTL_LOCALE: Readonly<Record<Locale, string>> = { vi: 'vi-VN', 'zh-CN': 'zh-CN', en: 'en-US' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Any language tag (`vi`, `zh-CN`, `zh-Hans`, `en-US`, i18next's `cimode`…) → an interface language; else English. */
export function displayLocale(tag: string): Locale {
  const t = tag.toLowerCase();
  if (t.startsWith('vi')) return 'vi';
  if (t.startsWith('zh')) return 'zh-CN';
  return 'en';
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

const plainSpaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');
const grouped = (digits: string, group: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);

/**
 * An amount in minor units as people write it in its currency's market, whatever `locale`:
 * `formatMoney(1234568, 'VND', 'en')` → `1.234.568 ₫`, `formatMoney(123456750, 'CNY', 'vi')` →
 * `¥1,234,567.50`, negatives with a leading `-`. Exact for any safe integer (no float division). A
 * currency without a known convention is written in the interface language's style (`$1,234.50`).
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  if (!Number.isFinite(minor)) return '—';
  const code = currency.toUpperCase();
  const digits = minorDigits(code);
  const style = MONEY_STYLES[code];
  if (!style) {
    const format = numberFormat(INTL_LOCALE[displayLocale(locale)], { style: 'currency', currency: code });
    return plainSpaces(format.format(minor / 10 ** digits));
  }
  const whole = Math.round(Math.abs(minor));
  const text = String(whole).padStart(digits + 1, '0');
  const integer = grouped(text.slice(0, text.length - digits), style.group);
  const amount = digits > 0 ? `${integer}${style.decimal}${text.slice(-digits)}` : integer;
  const sign = whole > 0 && minor < 0 ? '-' : '';
  return style.after ? `${sign}${amount} ${style.symbol}` : `${sign}${style.symbol}${amount}`;
}

/** Minor units → major units as a JS number, for charts (display only; never for arithmetic on money). */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency.toUpperCase());
}

/** Re-punctuates en-US number parts with the interface language's separators. */
function localised(parts: Intl.NumberFormatPart[], locale: string): string {
  const sep = SEPARATORS[displayLocale(locale)];
  return parts.map((p) => (p.type === 'group' ? sep.group : p.type === 'decimal' ? sep.decimal : p.value)).join('');
}

/** A count or measure in the interface language: `1.234.567,5` (vi), `1,234,567.5` (zh-CN, en). */
export function formatNumber(value: number, locale: string, maximumFractionDigits = 3): string {
  return localised(numberFormat('en-US', { maximumFractionDigits }).formatToParts(value), locale);
}

/** A rate given as a fraction: `0.125` → `12,5%` (vi), `12.5%` (zh-CN, en); null → `—`. */
export function formatPercent(rate: number | null, locale: string): string {
  if (rate === null) return '—';
  return localised(numberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).formatToParts(rate), locale);
}

/** A ratio such as ROI: `4.25` → `4,25×` (vi), `4.25×`; null → `—`. */
export function formatRatio(value: number | null, locale: string): string {
  return value === null ? '—' : `${formatNumber(value, locale)}×`;
}

/** A short figure for chart axes in the language's own units: `1.23亿`, `4.5万` (zh-CN), `123,46 Tr` (vi), `123.46M` (en). */
export function formatCompact(value: number, locale: string): string {
  const format = numberFormat(INTL_LOCALE[displayLocale(locale)], { notation: 'compact', maximumFractionDigits: 2 });
  return plainSpaces(format.format(value));
}

const WALL_CLOCK = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
} as const;
const dateParts = new Map<string, Intl.DateTimeFormat>();
/** Year, month, day, hour and minute of an instant on the wall clock of `timeZone` (UTC for an unknown zone). */
function wallClock(ms: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  let format = dateParts.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { ...WALL_CLOCK, timeZone });
    } catch {
      format = new Intl.DateTimeFormat('en-US', { ...WALL_CLOCK, timeZone: 'UTC' });
    }
    dateParts.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(ms).map((x) => [x.type, x.value]));
  return { year: p.year ?? '', month: p.month ?? '', day: p.day ?? '', hour: p.hour ?? '', minute: p.minute ?? '' };
}

/** `YYYY-MM-DD` (a calendar date, no zone), an ISO date-time or epoch ms → wall-clock parts; null when unreadable. */
function partsOf(value: string | number, timeZone: string): ReturnType<typeof wallClock> | null {
  const day = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (day) return { year: day[1] ?? '', month: day[2] ?? '', day: day[3] ?? '', hour: '00', minute: '00' };
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? wallClock(ms, timeZone) : null;
}

function dateText(p: ReturnType<typeof wallClock>, locale: Locale): string {
  if (locale === 'vi') return `${p.day}/${p.month}/${p.year}`;
  if (locale === 'zh-CN') return `${p.year}年${Number(p.month)}月${Number(p.day)}日`;
  return `${p.day} ${MONTHS[Number(p.month) - 1]} ${p.year}`;
}

/**
 * The day of `value` in `timeZone`, in the interface language: `25/11/2026` (vi), `2026年11月25日` (zh-CN),
 * `25 Nov 2026` (en). A `YYYY-MM-DD` value is already a calendar date and is not moved; unreadable text comes back as is.
 */
export function formatDate(value: string | number, locale: string, timeZone = 'UTC'): string {
  const p = partsOf(value, timeZone);
  return p ? dateText(p, displayLocale(locale)) : String(value);
}

/**
 * An instant on the wall clock of `timeZone`, 24-hour: `20:05 25/11/2026` (vi), `2026年11月25日 20:05` (zh-CN),
 * `25 Nov 2026, 20:05` (en). Unreadable text comes back as is.
 */
export function formatDateTime(value: string | number, locale: string, timeZone = 'UTC'): string {
  const p = partsOf(value, timeZone);
  if (!p) return String(value);
  const lang = displayLocale(locale);
  const time = `${p.hour}:${p.minute}`;
  if (lang === 'vi') return `${time} ${dateText(p, lang)}`;
  return lang === 'zh-CN' ? `${dateText(p, lang)} ${time}` : `${dateText(p, lang)}, ${time}`;
}
