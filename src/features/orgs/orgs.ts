import type { TaxRule } from './orgs.schema.js';

/**
 * The default withholding table for a new org. Vietnam (Circular 111/2013/TT-BTC art. 25.1.i):
 * 10% on a payment of 2 000 000 ₫ or more. Other currencies start with no rule.
 */
export function defaultTaxRules(currency: string): TaxRule[] {
  if (currency !== 'VND') return [];
  return [{ country: 'VN', rateBps: 1000, thresholdMinor: 2_000_000, validFrom: '2013-10-01', validTo: null }];
}

/** Organisation defaults (docs/attribution.md "Settings", docs/money.md "Organisation settings"). */
export const ORG_DEFAULTS = {
  attributionWindowDays: 7,
  postLiveWindowHours: 0,
  minPayoutMinor: 0,
} as const;
