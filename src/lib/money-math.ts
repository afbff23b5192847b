/**
 * The one rounding rule for money (docs/money.md): half-up to the minor unit, i.e. half away from
 * zero for negatives, applied once per ledger entry. Computed in BigInt so that base × rate never
 * loses precision, however large.
 */
export function applyBps(amountMinor: number, rateBps: number): number {
  const product = BigInt(amountMinor) * BigInt(rateBps);
  const negative = product < 0n;
  const magnitude = negative ? -product : product;
  const rounded = (magnitude + 5000n) / 10000n;
  return Number(negative ? -rounded : rounded);
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
