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

/** Money for people, in its currency's convention whatever the language (see format.ts): `1.234.568 ₫`, `¥1,234,567.50`. */
export { formatMoney } from './format.js';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
