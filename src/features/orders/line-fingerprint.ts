import { CANONICAL_FIELDS, type CanonicalLine } from './lines.js';

/**
 * A hash of a line's canonical fields (the `updated` rule above), stored with the line (migration 0021) so
 * that a re-imported line whose fields are the same is told by one compare (docs/imports.md, "Speed").
 * Each value goes in with a tag of its type (`null` is not `"null"`, `[]` not `""`), strings with their
 * length, into two 32-bit multiply-xor lanes: 64 bits, so two different lines share a fingerprint with a
 * chance of the order of 1 in 10^19. Equal fingerprints are only ever read as "unchanged"; a different one,
 * or none (a line stored before migration 0021, or with a value a stored line cannot hold: undefined, a
 * number that is not finite, a list of other than texts), sends the line to the field-by-field comparison.
 */
export function lineFingerprint(
  line: CanonicalLine,
  refundMinor: number = line.refundMinor,
  completedTime: number | null = line.completedTime,
): string | null {
  const h = new FingerprintHash();
  for (const field of CANONICAL_FIELDS) {
    const value = field === 'refundMinor' ? refundMinor : field === 'completedTime' ? completedTime : line[field];
    if (!h.value(value)) return null;
  }
  return h.digest();
}

/** The two lanes of lineFingerprint; `value` answers false for a value it does not take. */
class FingerprintHash {
  private a = 0x811c9dc5;
  private b = 0x9e3779b9;

  private word(w: number): void {
    this.a = Math.imul(this.a ^ w, 0x01000193);
    this.b = Math.imul(this.b ^ w, 0x5bd1e995);
    this.b ^= this.b >>> 15;
  }

  private text(s: string): void {
    this.word(s.length);
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
  }

  value(v: unknown): boolean {
    if (v === null) this.word(0x10);
    else if (typeof v === 'string') {
      this.word(0x11);
      this.text(v);
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      if (Number.isSafeInteger(v)) {
        // Both halves of a safe integer (sign in the high one): -0 and 0 are the same, as === has them.
        this.word(0x12);
        this.word((v % 0x100000000) | 0);
        this.word(Math.floor(v / 0x100000000) | 0);
      } else {
        this.word(0x13);
        this.text(String(v));
      }
    } else if (typeof v === 'boolean') this.word(v ? 0x14 : 0x15);
    else if (Array.isArray(v)) {
      this.word(0x16);
      this.word(v.length);
      for (const item of v) {
        if (typeof item !== 'string') return false;
        this.text(item);
      }
    } else return false;
    return true;
  }

  digest(): string {
    let a = Math.imul(this.a ^ (this.a >>> 16), 0x85ebca6b);
    a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
    let b = Math.imul(this.b ^ (this.b >>> 16), 0x7feb352d);
    b = Math.imul(b ^ (b >>> 15), 0x846ca68b);
    return `${((a ^ (a >>> 16)) >>> 0).toString(36)}:${((b ^ (b >>> 16)) >>> 0).toString(36)}`;
  }
}
