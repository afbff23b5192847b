import { z } from 'zod';
import { isCurrency } from './money.js';
import { hasControlCharacter, normaliseHttpUrl } from './url.js';
import { keyed } from './zod-problems.js';

/** Shared field schemas used by several resources. */
export const id = z.string().min(1).max(64);
export const idParams = z.object({ id });

/** A calendar date `YYYY-MM-DD` (one error, whether the shape or the day is wrong). */
export const isoDate = z.string().refine(
  (v) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
    const day = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(v);
  },
  keyed('field.calendar_date', 'must be a calendar date YYYY-MM-DD'),
);

/** ISO 8601 date-time with an offset (`Z` or `+07:00`). */
export const isoDateTime = z.iso.datetime({ offset: true });

export const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const bps = z.number().int().min(0).max(10_000);

export const currency = z
  .string()
  .transform((v) => v.toUpperCase())
  .refine(isCurrency, keyed('field.currency', 'must be an ISO 4217 currency code such as VND or CNY'));

export const timezone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  keyed('field.time_zone', 'must be an IANA time zone such as Asia/Ho_Chi_Minh'),
);

export const LOCALES = ['vi', 'zh-CN', 'en'] as const;
export const locale = z.enum(LOCALES);

export const PLATFORMS = [
  'tiktok_shop',
  'shopee',
  'lazada',
  'facebook',
  'youtube',
  'douyin',
  'xiaohongshu',
  'website',
  'other',
] as const;
export const platform = z.enum(PLATFORMS);
export type Platform = (typeof PLATFORMS)[number];

const URL_CONTROL_CHARACTERS = keyed(
  'field.url_control_characters',
  'must not contain control characters (line breaks, tabs, NUL)',
);
const URL_NOT_HTTP = keyed('field.url', 'must be an http(s) URL');
const URL_TOO_LONG = keyed('field.url_too_long', 'is too long once percent-encoded (at most 4 096 characters)', {
  maximum: 4096,
});

/**
 * An http(s) URL, stored normalised (`new URL(v).href`: ASCII only, so it is always a valid header value
 * and attribute); control characters (CR, LF, NUL…) are refused. `tokens` (such as `{click_id}`) are kept
 * verbatim. See docs/security.md.
 */
export const httpUrlKeeping = (tokens: readonly string[] = []) =>
  z
    .string()
    .max(2048)
    .transform((value, ctx) => {
      const normalised = hasControlCharacter(value) ? null : normaliseHttpUrl(value, tokens);
      const problem = hasControlCharacter(value)
        ? URL_CONTROL_CHARACTERS
        : normalised === null
          ? URL_NOT_HTTP
          : normalised.length > 4096
            ? URL_TOO_LONG
            : null;
      if (problem) {
        ctx.addIssue({ code: 'custom', ...problem });
        return z.NEVER;
      }
      return normalised as string;
    });

export const httpUrl = httpUrlKeeping();

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email(keyed('field.email', 'must be an e-mail address')).max(254));

/** Epoch milliseconds as ISO 8601 UTC text. */
export const toIso = (ms: number): string => new Date(ms).toISOString();
