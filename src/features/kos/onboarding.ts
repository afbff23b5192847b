import { AUDIT_PASS_SCORE } from './account-audit.js';

/** The onboarding steps of a KOS, in order (docs/matrix.md "Onboarding"). */
export const ONBOARDING_STEPS = ['profile', 'accounts', 'audit', 'training', 'firstLink'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** What the steps are decided on, gathered in the transaction of the write that may change them. */
export interface OnboardingFacts {
  unitId: string | null;
  hasLabourContract3m: boolean;
  taxCode: string | null;
  /** Each account's platform and audit score. */
  accounts: readonly { platform: string; score: number }[];
  /** The org's brand kit `targetPlatforms` (empty: any platform counts). */
  targetPlatforms: readonly string[];
  /** Required, published courses assigned to the KOS and not completed (docs/training.md). */
  openRequiredCourses: number;
  /** Links of the KOS, any state. */
  links: number;
}

export interface Onboarding {
  steps: { key: OnboardingStep; done: boolean }[];
  done: number;
  total: number;
}

export function onboardingSteps(f: OnboardingFacts): Onboarding {
  const targets = new Set(f.targetPlatforms);
  const done: Record<OnboardingStep, boolean> = {
    profile: f.unitId !== null && (f.hasLabourContract3m || (f.taxCode ?? '').trim() !== ''),
    accounts: targets.size === 0 ? f.accounts.length > 0 : f.accounts.some((a) => targets.has(a.platform)),
    audit: f.accounts.length > 0 && f.accounts.every((a) => a.score >= AUDIT_PASS_SCORE),
    training: f.openRequiredCourses === 0,
    firstLink: f.links > 0,
  };
  const steps = ONBOARDING_STEPS.map((key) => ({ key, done: done[key] }));
  return { steps, done: steps.filter((s) => s.done).length, total: ONBOARDING_STEPS.length };
}

/** Whether an `onboarding` KOS with these steps becomes `active` by itself. */
export const onboardingComplete = (o: Onboarding): boolean => o.done === o.total;
