import { foldText } from '../../lib/text.js';

/**
 * The screening score of an application (docs/recruitment.md "Score"). Pure: no I/O.
 * Each criterion normalises the applicant's value to s ∈ [0, 1]; the score is
 * 100 × Σ(weight × s) / Σ weight, computed exactly (BigInt fractions, no float drift) and rounded
 * half-up to one decimal.
 */
export const CRITERION_SOURCES = ['salesMinor', 'followers', 'coverage', 'categoryFit', 'assessment', 'boolean'] as const;
export type CriterionSource = (typeof CRITERION_SOURCES)[number];

/** The sources whose s is value ÷ target (capped at 1): they need a positive `target`. */
export const NUMERIC_SOURCES: readonly CriterionSource[] = ['salesMinor', 'followers', 'coverage'];

export interface Criterion {
  key: string;
  label: string;
  weight: number;
  source: CriterionSource;
  target?: number | null;
}

/** What the score reads of an application. */
export interface Applicant {
  salesMinor: number | null;
  coverage: number | null;
  accounts: readonly { followers: number | null }[];
  categories: readonly string[];
  answers: Readonly<Record<string, boolean>>;
  assessments: Readonly<Record<string, number>>;
}

/** One criterion as scored: the applicant's value (null when missing), s, and its share of the score in points. */
export interface CriterionScore {
  key: string;
  label: string;
  source: CriterionSource;
  weight: number;
  value: number | boolean | null;
  s: number;
  /** 100 × weight × s / Σ weight: what this criterion adds to the score (not rounded). */
  points: number;
}

export interface Score {
  /** The score rounded half-up to one decimal, e.g. 72.5. */
  score: number;
  /** The same in tenths (725), as stored and sorted. */
  tenths: number;
  criteria: CriterionScore[];
}

/** s as an exact fraction num / den (den > 0, 0 ≤ num ≤ den). */
interface Fraction {
  num: bigint;
  den: bigint;
}
const ZERO: Fraction = { num: 0n, den: 1n };
const ONE: Fraction = { num: 1n, den: 1n };

const capped = (value: number, target: number): Fraction =>
  value >= target ? ONE : { num: BigInt(Math.max(0, Math.trunc(value))), den: BigInt(target) };

/** The applicant's value for a criterion and its s as a fraction. A missing value gives s = 0. */
function measure(
  c: Criterion,
  a: Applicant,
  driveCategories: readonly string[],
): { value: number | boolean | null; s: Fraction } {
  const target = c.target ?? 0;
  switch (c.source) {
    case 'salesMinor':
    case 'coverage': {
      const value = c.source === 'salesMinor' ? a.salesMinor : a.coverage;
      return { value, s: value === null || target <= 0 ? ZERO : capped(value, target) };
    }
    case 'followers': {
      const counts = a.accounts.map((x) => x.followers).filter((f): f is number => f !== null);
      const value = counts.length ? Math.max(...counts) : null;
      return { value, s: value === null || target <= 0 ? ZERO : capped(value, target) };
    }
    case 'categoryFit': {
      const wanted = [...new Set(driveCategories.map(foldText))];
      const picked = new Set(a.categories.map(foldText));
      const hits = wanted.filter((x) => picked.has(x)).length;
      return { value: hits, s: wanted.length ? { num: BigInt(hits), den: BigInt(wanted.length) } : ZERO };
    }
    case 'assessment': {
      const mark = a.assessments[c.key];
      return mark === undefined ? { value: null, s: ZERO } : { value: mark, s: { num: BigInt(mark), den: 5n } };
    }
    case 'boolean': {
      const answer = a.answers[c.key];
      return { value: answer ?? null, s: answer === true ? ONE : ZERO };
    }
  }
}

/**
 * Scores an application against a drive's criteria and categories. With no criteria (or weights summing
 * to 0) the score is 0.
 */
export function scoreApplication(
  criteria: readonly Criterion[],
  applicant: Applicant,
  driveCategories: readonly string[],
): Score {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  let num = 0n;
  let den = 1n;
  const rows: CriterionScore[] = criteria.map((c) => {
    const { value, s } = measure(c, applicant, driveCategories);
    // Σ weight × s as one fraction num / den.
    num = num * s.den + BigInt(c.weight) * s.num * den;
    den *= s.den;
    const share = Number(s.num) / Number(s.den);
    return {
      key: c.key,
      label: c.label,
      source: c.source,
      weight: c.weight,
      value,
      s: share,
      points: totalWeight > 0 ? (100 * c.weight * share) / totalWeight : 0,
    };
  });
  if (totalWeight <= 0) return { score: 0, tenths: 0, criteria: rows };
  // tenths = round_half_up(1000 × num / (den × W)) = floor((2000 × num + den × W) / (2 × den × W)).
  const w = BigInt(totalWeight);
  const tenths = Number((2000n * num + den * w) / (2n * den * w));
  return { score: tenths / 10, tenths, criteria: rows };
}

/** The default targets of the sales-record criterion by the org's currency (seed 003); other currencies have none. */
export const DEFAULT_SALES_TARGET: Readonly<Record<string, number>> = { VND: 50_000_000, CNY: 1_500_000 };

/**
 * The default criteria of a drive created without any (docs/recruitment.md), or null when the org's currency
 * has no default sales target (the drive must then give its criteria).
 */
export function defaultCriteria(currency: string): Criterion[] | null {
  const salesTarget = DEFAULT_SALES_TARGET[currency.toUpperCase()];
  if (salesTarget === undefined) return null;
  return [
    { key: 'sales', label: 'Sales record (3 months)', weight: 30, source: 'salesMinor', target: salesTarget },
    { key: 'coverage', label: 'Market coverage', weight: 20, source: 'coverage', target: 5 },
    { key: 'newMedia', label: 'New-media ability', weight: 25, source: 'assessment' },
    { key: 'followers', label: 'Followers', weight: 15, source: 'followers', target: 10_000 },
    { key: 'categoryFit', label: 'Category fit', weight: 10, source: 'categoryFit' },
  ];
}
