import { describe, expect, test } from 'vitest';
import { type Applicant, type Criterion, defaultCriteria, scoreApplication } from './screening-score.js';

const nobody: Applicant = { salesMinor: null, coverage: null, accounts: [], categories: [], answers: {}, assessments: {} };
const VND = defaultCriteria('VND') as Criterion[];
const DRIVE_CATEGORIES = ['Mỹ phẩm', 'Thời trang'];
const one = (source: Criterion['source'], target?: number, key = 'k'): Criterion[] => [
  { key, label: key, weight: 1, source, target },
];

describe('the screening score (docs/recruitment.md)', () => {
  test.each([
    ['nothing declared: every missing value gives s = 0', nobody, 0],
    ['sales at half the VND target: 30 × 0.5', { ...nobody, salesMinor: 25_000_000 }, 15],
    ['sales above the target are capped at s = 1', { ...nobody, salesMinor: 900_000_000 }, 30],
    ['coverage 2 of 5', { ...nobody, coverage: 2 }, 8],
    [
      'followers: the largest account counts, not the sum',
      { ...nobody, accounts: [{ followers: 3_000 }, { followers: 7_000 }] },
      10.5,
    ],
    ['category fit compares folded (tones, case): 1 of the drive’s 2', { ...nobody, categories: ['MY PHAM', 'Đồ gia dụng'] }, 5],
    ['assessment 4 of 5 (newMedia, weight 25)', { ...nobody, assessments: { newMedia: 4 } }, 20],
    ['an assessment of another key counts nothing', { ...nobody, assessments: { interview: 5 } }, 0],
    [
      'everything full: 100',
      {
        salesMinor: 50_000_000,
        coverage: 5,
        accounts: [{ followers: 10_000 }],
        categories: DRIVE_CATEGORIES,
        answers: {},
        assessments: { newMedia: 5 },
      },
      100,
    ],
  ])('%s', (_name, applicant, score) => {
    expect(scoreApplication(VND, applicant, DRIVE_CATEGORIES).score).toBe(score);
  });

  test.each<[string, Record<string, boolean>, number]>([
    ['yes', { hasCar: true }, 100],
    ['no', { hasCar: false }, 0],
    ['unanswered', {}, 0],
  ])('a boolean criterion reads the answer of its question: %s', (_name, answers, score) => {
    const result = scoreApplication(one('boolean', undefined, 'hasCar'), { ...nobody, answers }, []);
    expect(result.score).toBe(score);
    expect(result.criteria[0]?.value).toBe(answers.hasCar ?? null);
  });

  test('a drive without categories gives category fit s = 0, whatever is picked', () => {
    expect(scoreApplication(one('categoryFit'), { ...nobody, categories: ['x'] }, []).score).toBe(0);
  });

  test.each([
    ['0.25 rounds half up to 0.3 (not to even)', 5, 0.3],
    ['0.15 rounds half up to 0.2, exactly (no float drift)', 3, 0.2],
    ['0.35 rounds half up to 0.4', 7, 0.4],
    ['0.05 rounds to 0.1', 1, 0.1],
    ['0.45 rounds to 0.5', 9, 0.5],
  ])('rounding to one decimal: %s', (_name, value, score) => {
    expect(scoreApplication(one('coverage', 2000), { ...nobody, coverage: value }, []).score).toBe(score);
  });

  test('weights: 100 × Σ(weight × s) / Σ weight, s not rounded', () => {
    const criteria: Criterion[] = [
      { key: 'a', label: 'a', weight: 1, source: 'coverage', target: 3 },
      { key: 'b', label: 'b', weight: 2, source: 'salesMinor', target: 3 },
    ];
    // (1 × 1/3 + 2 × 2/3) / 3 = 5/9 = 55.55… → 55.6
    const result = scoreApplication(criteria, { ...nobody, coverage: 1, salesMinor: 2 }, []);
    expect(result.score).toBe(55.6);
    expect(result.tenths).toBe(556);
    expect(result.criteria.map((c) => c.s)).toEqual([1 / 3, 2 / 3]);
    expect(result.criteria.map((c) => Math.round(c.points * 1000) / 1000)).toEqual([11.111, 44.444]);
  });

  test('the detail names each criterion’s value, s and share', () => {
    const result = scoreApplication(VND, { ...nobody, salesMinor: 25_000_000, accounts: [{ followers: 500 }] }, DRIVE_CATEGORIES);
    expect(result.criteria.map(({ key, value, s }) => ({ key, value, s }))).toEqual([
      { key: 'sales', value: 25_000_000, s: 0.5 },
      { key: 'coverage', value: null, s: 0 },
      { key: 'newMedia', value: null, s: 0 },
      { key: 'followers', value: 500, s: 0.05 },
      { key: 'categoryFit', value: 0, s: 0 },
    ]);
    expect(result.score).toBe(15.8); // 15 + 0.75 → 15.75 → 15.8
  });

  test('default criteria: VND and CNY targets; none for another currency', () => {
    expect(defaultCriteria('VND')?.find((c) => c.key === 'sales')?.target).toBe(50_000_000);
    expect(defaultCriteria('CNY')?.find((c) => c.key === 'sales')?.target).toBe(1_500_000);
    expect(defaultCriteria('USD')).toBeNull();
    expect(defaultCriteria('VND')?.map((c) => [c.key, c.source, c.weight, c.target ?? null])).toEqual([
      ['sales', 'salesMinor', 30, 50_000_000],
      ['coverage', 'coverage', 20, 5],
      ['newMedia', 'assessment', 25, null],
      ['followers', 'followers', 15, 10_000],
      ['categoryFit', 'categoryFit', 10, null],
    ]);
  });
});
