/**
 * Amount cells of a mapped report (docs/import-mappings.md, `amountUnit`, `decimalMark`): exact decimal
 * text → integer minor units, half-up (half away from zero for negatives), never through floating point.
 */
export type AmountUnit = 'major' | 'minor';
export type DecimalMark = '.' | ',';

export type AmountResult = { ok: true; value: number } | { ok: false; reason: 'not_amount' | 'not_minor' | 'too_large' };

const SPACES = /[\s\u00a0\u202f\u2009]/g;
// A currency sign or code around the number: ¥, ￥, ₫, $, 元, VND, CNY, RMB…
const AROUND = /^[\p{Sc}\p{L}]+|[\p{Sc}\p{L}]+$/gu;

/** The digits and sign of an amount cell, with the grouping of the other mark removed; null if it is no number. */
function decimalParts(text: string, mark: DecimalMark): { negative: boolean; whole: string; fraction: string } | null {
  let s = text.replace(SPACES, '');
  let negative = false;
  const sign = () => {
    if (s.startsWith('-') || s.startsWith('+')) {
      negative = negative || s.startsWith('-');
      s = s.slice(1);
    }
  };
  sign();
  s = s.replace(AROUND, '');
  sign();
  if (s.length === 0 || s.length > 40) return null;
  const group = mark === '.' ? ',' : '.';
  const [whole = '', fraction, extra] = s.split(mark);
  if (extra !== undefined || fraction === '') return null;
  const grouped = whole.includes(group);
  if (grouped && !new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(whole)) return null;
  const digits = grouped ? whole.split(group).join('') : whole;
  if (!/^\d+$/.test(digits) || (fraction !== undefined && !/^\d+$/.test(fraction))) return null;
  return { negative, whole: digits, fraction: fraction ?? '' };
}

/** An amount cell in minor units, by the mapping's unit and mark and the currency's digits. */
export function parseAmount(text: string, unit: AmountUnit, mark: DecimalMark, digits: number): AmountResult {
  const parts = decimalParts(text.trim(), unit === 'minor' ? '.' : mark);
  if (!parts) return { ok: false, reason: unit === 'minor' ? 'not_minor' : 'not_amount' };
  if (unit === 'minor' && parts.fraction.replace(/0+$/, '') !== '') return { ok: false, reason: 'not_minor' };
  const kept = unit === 'minor' ? parts.whole : `${parts.whole}${parts.fraction.padEnd(digits, '0').slice(0, digits)}`;
  const next = unit === 'minor' ? '0' : (parts.fraction.padEnd(digits + 1, '0')[digits] ?? '0');
  const minor = BigInt(kept) + (next >= '5' ? 1n : 0n);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'too_large' };
  const value = Number(minor);
  return { ok: true, value: parts.negative && value !== 0 ? -value : value };
}
