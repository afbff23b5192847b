import { describe, expect, test } from 'vitest';
import { type OnboardingFacts, onboardingComplete, onboardingSteps } from './onboarding.js';

const ready: OnboardingFacts = {
  unitId: 'unit-1',
  hasLabourContract3m: false,
  taxCode: '8012345678',
  accounts: [
    { platform: 'tiktok_shop', score: 100 },
    { platform: 'facebook', score: 80 },
  ],
  targetPlatforms: ['tiktok_shop', 'shopee'],
  openRequiredCourses: 0,
  links: 1,
};

const notDone = (facts: OnboardingFacts) =>
  onboardingSteps(facts)
    .steps.filter((s) => !s.done)
    .map((s) => s.key);

describe('onboarding steps (docs/matrix.md)', () => {
  test.each<[string, Partial<OnboardingFacts>, string[]]>([
    ['everything in place', {}, []],
    ['no unit', { unitId: null }, ['profile']],
    ['no tax code and no labour contract', { taxCode: null }, ['profile']],
    ['a blank tax code', { taxCode: '  ' }, ['profile']],
    ['a labour contract of 3 months needs no tax code', { taxCode: null, hasLabourContract3m: true }, []],
    ['no account on a target platform', { accounts: [{ platform: 'facebook', score: 100 }] }, ['accounts']],
    ['no target platforms: any account counts', { targetPlatforms: [], accounts: [{ platform: 'website', score: 100 }] }, []],
    ['no accounts at all', { accounts: [] }, ['accounts', 'audit']],
    ['no accounts and no target platforms', { accounts: [], targetPlatforms: [] }, ['accounts', 'audit']],
    [
      'one account below 80',
      {
        accounts: [
          { platform: 'tiktok_shop', score: 100 },
          { platform: 'facebook', score: 60 },
        ],
      },
      ['audit'],
    ],
    ['a required course not completed', { openRequiredCourses: 1 }, ['training']],
    ['no link', { links: 0 }, ['firstLink']],
    [
      'nothing',
      { unitId: null, taxCode: null, accounts: [], openRequiredCourses: 2, links: 0 },
      ['profile', 'accounts', 'audit', 'training', 'firstLink'],
    ],
  ])('%s', (_label, change, expected) => {
    const facts = { ...ready, ...change };
    expect(notDone(facts)).toEqual(expected);
    const o = onboardingSteps(facts);
    expect(o.total).toBe(5);
    expect(o.done).toBe(5 - expected.length);
    expect(onboardingComplete(o)).toBe(expected.length === 0);
    expect(o.steps.map((s) => s.key)).toEqual(['profile', 'accounts', 'audit', 'training', 'firstLink']);
  });
});
