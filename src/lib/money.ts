const digitsByCurrency = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency (VND 0, CNY 2), from the platform's Intl data (memoised: importers ask per row). */
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

let known: Set<string> | undefined;

/** True for an ISO 4217 code this runtime knows (not merely three letters). */
export function isCurrency(code: string): boolean {
  known ??= new Set(Intl.supportedValuesOf('currency'));
  return known.has(code);
}
