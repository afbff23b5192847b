import { createHmac, timingSafeEqual } from 'node:crypto';
import { normaliseHeader } from './fields.js';
import type { ParseContext, ParsedRow } from './import-types.js';
import { mapCanonicalRow } from './parsers/generic.js';
import { rowMapper } from './parsers/parser.js';

/** Constant-time check of `X-Kos-Signature: sha256=<hex HMAC-SHA256(raw body, secret)>`. */
export function signatureHolds(rawBody: Buffer, header: string | undefined, secret: string | null): boolean {
  if (!secret || !header) return false;
  const given = /^sha256=([0-9a-f]{64})$/i.exec(header.trim())?.[1];
  if (!given) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

/** Canonical webhook lines as parsed rows (row = 1-based index in `lines`), through the generic mapping. */
export function webhookRows(lines: unknown[], ctx: ParseContext): ParsedRow[] {
  const map = rowMapper((row) => mapCanonicalRow(row, ctx));
  return lines.map((line, i) => {
    if (!line || typeof line !== 'object' || Array.isArray(line))
      return { row: i + 1, error: { message: 'a line must be a JSON object' } };
    const cells = new Map<string, string>();
    for (const [key, value] of Object.entries(line)) {
      if (value === null || value === undefined || value === '') continue;
      cells.set(normaliseHeader(key).key, typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
    return map({ row: i + 1, cells });
  });
}
