import { normaliseHandle } from '../../lib/text.js';
import { DAY_MS } from '../../lib/time.js';
import type { Attribution, CanonicalLine } from './lines.js';

/** What attribution looks up, loaded once per import (codes, accounts, vouchers) or per chunk (clicks). */
export interface AttributionIndex {
  /** Upper-cased KOS code → KOS id. */
  kosByCode: ReadonlyMap<string, string>;
  /** `${platform}|${handle without @, lower case}` → KOS id. */
  kosByAccount: ReadonlyMap<string, string>;
  /** Upper-cased voucher code → KOS id. */
  kosByVoucher: ReadonlyMap<string, string>;
  /** Click id (exact) → the recorded click. */
  clicks: ReadonlyMap<string, { linkId: string; kosId: string; clickedAt: number }>;
  attributionWindowDays: number;
}

const NONE: Attribution = { kosId: null, attribution: 'none', linkId: null, clickId: null };

/**
 * The first rule that matches (docs/attribution.md): a sub-id equal to a KOS code; a sub-id equal to a
 * click id of ours with 0 ≤ orderTime − clickTime ≤ window (bot clicks count too); the report's creator
 * equal to a KOS account on the line's platform; the voucher equal to a KOS voucher; else none.
 */
export function attribute(line: CanonicalLine, index: AttributionIndex): Attribution {
  for (const subId of line.subIds) {
    const kosId = index.kosByCode.get(subId.trim().toUpperCase());
    if (kosId) return { kosId, attribution: 'code', linkId: null, clickId: null };
  }
  for (const subId of line.subIds) {
    const click = index.clicks.get(subId.trim());
    const age = click ? line.orderTime - click.clickedAt : -1;
    if (click && age >= 0 && age <= index.attributionWindowDays * DAY_MS) {
      return { kosId: click.kosId, attribution: 'click', linkId: click.linkId, clickId: subId.trim() };
    }
  }
  if (line.creator) {
    const kosId = index.kosByAccount.get(`${line.platform}|${normaliseHandle(line.creator)}`);
    if (kosId) return { kosId, attribution: 'account', linkId: null, clickId: null };
  }
  if (line.voucher) {
    const kosId = index.kosByVoucher.get(line.voucher.trim().toUpperCase());
    if (kosId) return { kosId, attribution: 'voucher', linkId: null, clickId: null };
  }
  return NONE;
}
