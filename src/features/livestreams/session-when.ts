import type { Locale } from '../../lib/locale.js';

const formats = new Map<string, Intl.DateTimeFormat>();
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * When a session starts, for people, in the org's time zone: `20:00 25/11/2026` (vi), `2026年11月25日 20:00`
 * (zh-CN), `25 Nov 2026, 20:00` (en). Built from parts so the text does not depend on the ICU version.
 */
export function formatSessionWhen(ms: number, timeZone: string, locale: Locale): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(ms).map((x) => [x.type, x.value]));
  const time = `${p.hour}:${p.minute}`;
  if (locale === 'vi') return `${time} ${p.day}/${p.month}/${p.year}`;
  if (locale === 'zh-CN') return `${p.year}年${Number(p.month)}月${Number(p.day)}日 ${time}`;
  return `${p.day} ${MONTHS[Number(p.month) - 1]} ${p.year}, ${time}`;
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
