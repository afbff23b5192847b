import { describe, expect, test } from 'vitest';
import { applyBps } from '../../lib/money-math.js';
import { type TaxRule, tierAdjustment, withholding } from './payouts.js';

describe('tierAdjustment: the whole month at the rate of the last step reached, minus what the entries pay', () => {
  const steps = [
    { fromMinor: 0, rateBps: 500 },
    { fromMinor: 50_000_000, rateBps: 700 },
    { fromMinor: 100_000_000, rateBps: 900 },
  ];
  const at5 = (...bases: number[]) => bases.map((b) => ({ baseMinor: b, amountMinor: applyBps(b, 500) }));
  test.each([
    { name: 'no steps → 0', steps: [], entries: at5(60_000_000), want: 0 },
    { name: 'no entries → 0', steps, entries: [], want: 0 },
    { name: 'below the threshold: first step, nothing to add', steps, entries: at5(30_000_000, 19_999_999), want: 0 },
    { name: 'exactly at fromMinor takes that step', steps, entries: at5(30_000_000, 20_000_000), want: 1_000_000 },
    { name: 'crossing: the whole amount at 7 %', steps, entries: at5(30_000_000, 30_000_000), want: 1_200_000 },
    { name: 'past the last step: 9 % on all of it', steps, entries: at5(60_000_000, 60_000_000), want: 4_800_000 },
    { name: 'below the first step → 0', steps: [{ fromMinor: 1000, rateBps: 700 }], entries: at5(999), want: 0 },
    {
      // round(B × r) once, minus Σ per-entry rounded amounts: 2 × round(0.75) = 2, round(3) = 3.
      name: 'rounding: round(B × r) − Σ rounded entries',
      steps: [{ fromMinor: 0, rateBps: 1000 }],
      entries: at5(15, 15),
      want: 1,
    },
    {
      name: 'a first step below the plan rate pays back the difference',
      steps: [{ fromMinor: 0, rateBps: 300 }],
      entries: at5(1_000_000),
      want: -20_000,
    },
  ])('$name', ({ steps, entries, want }) => {
    expect(tierAdjustment(steps, entries)).toBe(want);
  });
});

describe('withholding: the rule valid on the period’s last day, from the threshold, unless exempt', () => {
  const VN: TaxRule[] = [{ rateBps: 1000, thresholdMinor: 2_000_000, validFrom: '2013-10-01', validTo: null }];
  const free = { hasLabourContract3m: false, commitment08: false };
  // The threshold rises mid-year (from 15 July): the row valid on the period's last day governs the whole month.
  const amended: TaxRule[] = [
    { rateBps: 1000, thresholdMinor: 2_000_000, validFrom: '2013-10-01', validTo: '2026-07-14' },
    { rateBps: 1000, thresholdMinor: 5_000_000, validFrom: '2026-07-15' },
  ];
  test.each([
    { name: 'at the threshold: 10 %', rules: VN, gross: 2_000_000, day: '2026-10-31', profile: free, want: 200_000 },
    { name: 'one ₫ below: nothing', rules: VN, gross: 1_999_999, day: '2026-10-31', profile: free, want: 0 },
    { name: 'above, rounded half-up', rules: VN, gross: 3_333_335, day: '2026-10-31', profile: free, want: 333_334 },
    {
      name: 'commitment form 08 on file',
      rules: VN,
      gross: 9_000_000,
      day: '2026-10-31',
      profile: { ...free, commitment08: true },
      want: 0,
    },
    {
      name: 'employee with a labour contract ≥ 3 months',
      rules: VN,
      gross: 9_000_000,
      day: '2026-10-31',
      profile: { ...free, hasLabourContract3m: true },
      want: 0,
    },
    { name: 'no rule valid yet', rules: VN, gross: 9_000_000, day: '2013-09-30', profile: free, want: 0 },
    { name: 'no rules at all', rules: [], gross: 9_000_000, day: '2026-10-31', profile: free, want: 0 },
    {
      name: 'mid-year: June uses the old row',
      rules: amended,
      gross: 3_000_000,
      day: '2026-06-30',
      profile: free,
      want: 300_000,
    },
    {
      name: 'mid-year: July’s last day is under the new row, for the whole month',
      rules: amended,
      gross: 3_000_000,
      day: '2026-07-31',
      profile: free,
      want: 0,
    },
    {
      name: 'mid-year: new threshold reached',
      rules: amended,
      gross: 5_000_000,
      day: '2026-07-31',
      profile: free,
      want: 500_000,
    },
    {
      name: 'validTo is inclusive',
      rules: [{ ...(amended[0] as TaxRule), validTo: '2026-07-31' }],
      gross: 3_000_000,
      day: '2026-07-31',
      profile: free,
      want: 300_000,
    },
  ])('$name', ({ rules, gross, day, profile, want }) => {
    expect(withholding(gross, rules, day, profile)).toBe(want);
  });
});
