/** Minor-unit digits of a currency (VND 0, CNY 2), from the browser's Intl data, as the server reads them. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * An amount typed in major units (`1500000`, `-250.5`; `.` or `,` before the fraction) → integer minor units,
 * exactly (no float arithmetic); null when it is not a number or has more decimals than the currency.
 */
export function toMinor(text: string, currency: string): number | null {
  const match = /^\s*(-?)(\d+)(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const [, sign, whole = '', fraction = ''] = match;
  const digits = currencyDigits(currency);
  if (fraction.length > digits) return null;
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return sign ? -minor : minor;
}
