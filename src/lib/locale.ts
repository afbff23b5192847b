export type Locale = 'vi' | 'zh-CN' | 'en';

/** The first supported language of an Accept-Language header or `?lang=`, else the fallback. */
export function pickLocale(wanted: string | undefined, fallback: Locale = 'vi'): Locale {
  for (const part of (wanted ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return fallback;
}

const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', 'zh-CN': 'zh-CN', en: 'en-US' };
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Money for people: `1.234.568 ₫` in Vietnamese, `¥1,234,567.50` in Chinese (minor units in). */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 0;
  return format.format(minor / 10 ** digits).replace(/\u00a0/g, ' ');
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
