/** The deepest nesting of arrays and objects a JSON document may have (request bodies, reports, webhooks). */
export const MAX_JSON_DEPTH = 64;

const OPEN_ARRAY = 0x5b; // [
const OPEN_OBJECT = 0x7b; // {
const CLOSE_ARRAY = 0x5d; // ]
const CLOSE_OBJECT = 0x7d; // }
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * Whether JSON text nests arrays/objects deeper than `limit`, scanned before `JSON.parse` so a
 * `[[[[…]]]]` bomb never becomes a value whose walk (stringify, zod) overflows the stack. One pass,
 * no recursion, brackets inside strings ignored. Accepts the raw bytes too: in UTF-8 the bytes of
 * `[ ] { } " \` never occur inside a multi-byte character. Malformed text is left to `JSON.parse`.
 */
export function jsonDepthExceeds(json: string | Uint8Array, limit: number = MAX_JSON_DEPTH): boolean {
  const text = typeof json === 'string';
  const length = json.length;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < length; i++) {
    const c = text ? (json as string).charCodeAt(i) : (json as Uint8Array)[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
  }
  return false;
}
