/**
 * Link destinations are stored normalised (`new URL(v).href`): ASCII only (host in punycode, path and
 * query percent-encoded), so the redirect's `Location` header is always a valid header value. Tokens
 * such as `{click_id}` survive normalisation: they are swapped for markers first and restored after,
 * because the URL parser would percent-encode `{` and `}` in a path. See docs/security.md.
 */
/** True when the text holds a C0 control character or DEL (CR, LF, NUL, tab…). */
export function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The normalised `http(s)` URL, with each of `tokens` kept verbatim; null when it is not one. */
export function normaliseHttpUrl(value: string, tokens: readonly string[] = []): string | null {
  const markers = tokens.map((token, i) => [token, `kosTOKEN${i}x${markerSalt}`] as const);
  let text = value.trim();
  for (const [token, marker] of markers) text = text.replaceAll(token, marker);
  let href: string;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname) return null;
    href = url.href;
  } catch {
    return null;
  }
  for (const [token, marker] of markers) href = href.replaceAll(marker, token);
  return href;
}

// A fixed, unlikely letter run: markers must be letters/digits only so no part of a URL encodes them.
const markerSalt = 'qZ7vK';

/** Whether `value` can be sent as an HTTP header value (visible ASCII and spaces; no CR, LF or NUL). */
export const isHeaderSafe = (value: string): boolean => /^[\u0020-\u007e]*$/.test(value);
