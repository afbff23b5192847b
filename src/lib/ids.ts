import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

let pool = Buffer.alloc(0);
let offset = 0;

/** `count` characters from [0-9A-Za-z], uniformly from a CSPRNG (pooled bytes; rejection sampling, no modulo bias). */
export function randomAlphanumeric(count: number): string {
  let out = '';
  while (out.length < count) {
    if (offset >= pool.length) {
      pool = randomBytes(4096);
      offset = 0;
    }
    const byte = pool[offset++] as number;
    if (byte < 248) out += ALPHABET[byte % 62];
  }
  return out;
}

let lastMs = 0;
let seq = 0;

/**
 * A new opaque id: a time-ordered prefix (so ids sort by creation and serve as pagination cursors)
 * plus randomness. Ids of one process are strictly increasing.
 */
export function newId(): string {
  // Never behind the last id: a clock stepping back, or 46 656 ids in one millisecond, borrow the next ms.
  const now = Math.max(Date.now(), lastMs);
  if (now === lastMs) seq += 1;
  else {
    lastMs = now;
    seq = 0;
  }
  if (seq >= 36 ** 3) {
    lastMs += 1;
    seq = 0;
  }
  return lastMs.toString(36).padStart(9, '0') + seq.toString(36).padStart(3, '0') + randomAlphanumeric(10);
}
