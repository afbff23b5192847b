import { formatDateTime } from '../../lib/format.js';
import type { Locale } from '../../lib/locale.js';

/**
 * When a session starts, for people, in the org's time zone: `20:00 25/11/2026` (vi), `2026年11月25日 20:00`
 * (zh-CN), `25 Nov 2026, 20:00` (en) — the shared display formatter (docs/decisions.md).
 */
export function formatSessionWhen(ms: number, timeZone: string, locale: Locale): string {
  return formatDateTime(ms, locale, timeZone);
}

/** How each platform is named on a public page. */
export const PLATFORM_LABELS: Readonly<Record<string, string>> = {
  tiktok_shop: 'TikTok Shop',
  shopee: 'Shopee',
  lazada: 'Lazada',
  facebook: 'Facebook',
  youtube: 'YouTube',
  douyin: 'Douyin',
  xiaohongshu: 'Xiaohongshu',
  website: 'Website',
  other: 'Live',
};
