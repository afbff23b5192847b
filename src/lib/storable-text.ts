// Text that SQLite and PostgreSQL would not store alike. PostgreSQL refuses U+0000 in `text` (the
// query fails) where SQLite keeps it; a lone UTF-16 surrogate is written by `pg` as one U+FFFD but
// by better-sqlite3 as three bytes that read back as three U+FFFD. Either way the same input would
// answer differently on the two databases, so the edges refuse or clean such text first.

// Without the `u` flag a regex sees UTF-16 code units: a high surrogate not followed by a low one,
// or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LONE_SURROGATE_AT_ALL = new RegExp(LONE_SURROGATE.source); // no `g`: `test` keeps no lastIndex
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

/** Whether the text holds a NUL character (U+0000). */
export const hasNul = (text: string): boolean => text.includes('\u0000');

/** Whether the text holds an unpaired UTF-16 surrogate (not well-formed Unicode). */
export function hasLoneSurrogate(text: string): boolean {
  return ANY_SURROGATE.test(text) && LONE_SURROGATE_AT_ALL.test(text);
}

/**
 * Why the text cannot be stored alike on both databases (`must not contain …`), or null when it can.
 * The wording follows the API's field errors.
 */
export function unstorableReason(text: string): string | null {
  if (hasNul(text)) return 'must not contain NUL characters';
  if (hasLoneSurrogate(text)) return 'must not contain unpaired surrogates (malformed Unicode)';
  return null;
}

/**
 * Free text made storable: NUL characters dropped (padding, as some Excel exports carry) and each
 * lone surrogate replaced by U+FFFD, as `String.prototype.toWellFormed` does.
 */
export function toStorableText(text: string): string {
  // Called on every free-text cell of an import: the common clean text is returned untouched.
  const withoutNul = hasNul(text) ? text.replaceAll('\u0000', '') : text;
  return ANY_SURROGATE.test(withoutNul) ? withoutNul.replace(LONE_SURROGATE, '\uFFFD') : withoutNul;
}

/**
 * A message that may quote input (a parser's error naming the bad character), made storable without
 * hiding what it quotes: NUL shown as the six characters `\u0000`, a lone surrogate as U+FFFD.
 */
export const storableMessage = (message: string): string => toStorableText(message.replaceAll('\u0000', '\\u0000'));
