import { describe, expect, test } from 'vitest';
import { isActiveOn, type Plan, type PlanSubject, plansConflict, selectPlan, specificity } from './plans.js';

const plan = (
  id: string,
  appliesTo: Plan['appliesTo'],
  validFrom = '2025-01-01',
  validTo: string | null = null,
  createdAt = '2025-01-01T00:00:00.000Z',
): Plan => ({
  id,
  name: id,
  appliesTo,
  validFrom,
  validTo,
  rateBps: 500,
  base: 'net',
  overrides: [],
  steps: [],
  livestreamFeeMinor: 0,
  holdingDays: 15,
  createdAt,
});

// KOS k1 sits in store s1 of dealer d1 of region r1; an agent of tier A.
const k1: PlanSubject = { id: 'k1', unitPath: ['s1', 'd1', 'r1'], relationship: 'agent', tier: 'A' };
const noUnit: PlanSubject = { id: 'k2', unitPath: [], relationship: 'employee', tier: null };

describe('specificity', () => {
  test.each<[string, Plan['appliesTo'], PlanSubject, number | null]>([
    ['KOS named', { kosIds: ['k1'] }, k1, 4000],
    ['KOS named beats its unit in the same plan', { kosIds: ['k1'], unitIds: ['s1'] }, k1, 4000],
    ['own unit', { unitIds: ['s1'] }, k1, 3000],
    ['parent unit', { unitIds: ['d1'] }, k1, 2999],
    ['grandparent unit', { unitIds: ['r1'] }, k1, 2998],
    ['nearest of several units', { unitIds: ['r1', 'd1'] }, k1, 2999],
    ['relationship', { relationships: ['agent'] }, k1, 2000],
    ['tier', { tiers: ['A'] }, k1, 2000],
    ['org default', {}, k1, 1000],
    ['org default with empty lists', { kosIds: [], unitIds: [], relationships: [], tiers: [] }, k1, 1000],
    ['another KOS only', { kosIds: ['k9'] }, k1, null],
    ['another unit only', { unitIds: ['s2'] }, k1, null],
    ['another relationship only', { relationships: ['employee'] }, k1, null],
    ['a tier plan and a KOS without tier', { tiers: ['A'] }, noUnit, null],
    ['a unit plan and a KOS without unit', { unitIds: ['s1'] }, noUnit, null],
    ['another KOS named, relationship matches', { kosIds: ['k9'], relationships: ['agent'] }, k1, 2000],
  ])('%s', (_name, appliesTo, kos, expected) => {
    expect(specificity({ appliesTo }, kos)).toBe(expected);
  });
});

describe('isActiveOn (both ends inclusive)', () => {
  test.each<[string, string, string | null, string, boolean]>([
    ['day before validFrom', '2025-03-01', '2025-03-31', '2025-02-28', false],
    ['on validFrom', '2025-03-01', '2025-03-31', '2025-03-01', true],
    ['on validTo', '2025-03-01', '2025-03-31', '2025-03-31', true],
    ['day after validTo', '2025-03-01', '2025-03-31', '2025-04-01', false],
    ['one-day plan', '2025-03-01', '2025-03-01', '2025-03-01', true],
    ['open-ended, far future', '2025-03-01', null, '2099-12-31', true],
  ])('%s', (_name, from, to, day, expected) => {
    expect(isActiveOn({ validFrom: from, validTo: to }, day)).toBe(expected);
  });
});

describe('selectPlan', () => {
  const orgDefault = plan('default', {});
  const agents = plan('agents', { relationships: ['agent'] });
  const tierA = plan('tierA', { tiers: ['A'] }, '2025-02-01');
  const region = plan('region', { unitIds: ['r1'] });
  const dealer = plan('dealer', { unitIds: ['d1'] });
  const mine = plan('mine', { kosIds: ['k1'] }, '2025-06-01', '2025-06-30');
  const all = [orgDefault, agents, tierA, region, dealer, mine];

  test.each<[string, Plan[], PlanSubject, string, string | null]>([
    ['KOS plan beats every other', all, k1, '2025-06-15', 'mine'],
    ['KOS plan from its first day', all, k1, '2025-06-01', 'mine'],
    ['KOS plan to its last day', all, k1, '2025-06-30', 'mine'],
    ['nearest unit once the KOS plan ended', all, k1, '2025-07-01', 'dealer'],
    ['nearest unit before the KOS plan starts', all, k1, '2025-05-31', 'dealer'],
    ['farther unit when the nearer is absent', [orgDefault, agents, region], k1, '2025-03-01', 'region'],
    ['relationship over org default', [orgDefault, agents], k1, '2025-03-01', 'agents'],
    ['tier over org default', [orgDefault, tierA], k1, '2025-03-01', 'tierA'],
    ['relationship and tier tie: the later validFrom', [agents, tierA], k1, '2025-03-01', 'tierA'],
    ['relationship and tier tie: only one active yet', [agents, tierA], k1, '2025-01-15', 'agents'],
    ['org default for a KOS nothing else covers', all, noUnit, '2025-03-01', 'default'],
    ['nothing before any plan starts', all, k1, '2024-12-31', null],
    ['nothing when no plan covers the KOS', [mine, dealer], noUnit, '2025-06-15', null],
    ['order of the list does not matter', [...all].reverse(), k1, '2025-06-15', 'mine'],
  ])('%s', (_name, plans, kos, day, expected) => {
    expect(selectPlan(plans, kos, day)?.id ?? null).toBe(expected);
  });

  test('equal specificity and validFrom: the newer plan wins', () => {
    const older = plan('older', { relationships: ['agent'] }, '2025-01-01', null, '2025-01-01T00:00:00.000Z');
    const newer = plan('newer', { tiers: ['A'] }, '2025-01-01', null, '2025-01-02T00:00:00.000Z');
    expect(selectPlan([newer, older], k1, '2025-03-01')?.id).toBe('newer');
    expect(selectPlan([older, newer], k1, '2025-03-01')?.id).toBe('newer');
  });
});

describe('plansConflict', () => {
  type Side = [Plan['appliesTo'], string, string | null];
  const p = ([appliesTo, from, to]: Side) => ({ appliesTo, validFrom: from, validTo: to });
  test.each<[string, Side, Side, boolean]>([
    ['same KOS, same dates', [{ kosIds: ['k1'] }, '2025-01-01', null], [{ kosIds: ['k1'] }, '2025-01-01', null], true],
    [
      'KOS lists sharing one',
      [{ kosIds: ['k1', 'k2'] }, '2025-01-01', null],
      [{ kosIds: ['k3', 'k2'] }, '2025-01-01', null],
      true,
    ],
    ['different KOS', [{ kosIds: ['k1'] }, '2025-01-01', null], [{ kosIds: ['k2'] }, '2025-01-01', null], false],
    ['same unit', [{ unitIds: ['s1'] }, '2025-01-01', null], [{ unitIds: ['s1'] }, '2025-06-01', null], true],
    [
      'parent and child unit (nearest wins)',
      [{ unitIds: ['d1'] }, '2025-01-01', null],
      [{ unitIds: ['s1'] }, '2025-01-01', null],
      false,
    ],
    [
      'same relationship',
      [{ relationships: ['agent'] }, '2025-01-01', null],
      [{ relationships: ['agent'] }, '2025-01-01', null],
      true,
    ],
    ['same tier', [{ tiers: ['S'] }, '2025-01-01', null], [{ tiers: ['S'] }, '2025-01-01', null], true],
    [
      'relationship vs tier (selectPlan breaks the tie)',
      [{ relationships: ['agent'] }, '2025-01-01', null],
      [{ tiers: ['A'] }, '2025-01-01', null],
      false,
    ],
    ['two org defaults', [{}, '2025-01-01', null], [{}, '2025-12-31', null], true],
    ['org default vs empty lists', [{}, '2025-01-01', null], [{ kosIds: [], tiers: [] }, '2025-01-01', null], true],
    ['KOS vs org default (different levels)', [{ kosIds: ['k1'] }, '2025-01-01', null], [{}, '2025-01-01', null], false],
    [
      'KOS vs its unit (different levels)',
      [{ kosIds: ['k1'] }, '2025-01-01', null],
      [{ unitIds: ['s1'] }, '2025-01-01', null],
      false,
    ],
    [
      'unit vs relationship (different levels)',
      [{ unitIds: ['s1'] }, '2025-01-01', null],
      [{ relationships: ['agent'] }, '2025-01-01', null],
      false,
    ],
    [
      'mixed plans sharing a unit',
      [{ kosIds: ['k1'], unitIds: ['s1'] }, '2025-01-01', null],
      [{ unitIds: ['s1'] }, '2025-01-01', null],
      true,
    ],
    ['adjacent: one ends the day before the other starts', [{}, '2025-01-01', '2025-05-31'], [{}, '2025-06-01', null], false],
    ['touching: one ends the day the other starts', [{}, '2025-01-01', '2025-06-01'], [{}, '2025-06-01', null], true],
    ['one-day plans on the same day', [{}, '2025-06-01', '2025-06-01'], [{}, '2025-06-01', '2025-06-01'], true],
    ['later plan ends before the open-ended one starts', [{}, '2025-06-01', null], [{}, '2025-01-01', '2025-05-31'], false],
    ['open-ended plans always meet', [{}, '2030-01-01', null], [{}, '2025-01-01', null], true],
    ['contained dates', [{ tiers: ['B'] }, '2025-01-01', '2025-12-31'], [{ tiers: ['B'] }, '2025-03-01', '2025-03-31'], true],
  ])('%s', (_name, a, b, expected) => {
    expect(plansConflict(p(a), p(b))).toBe(expected);
    expect(plansConflict(p(b), p(a))).toBe(expected);
  });
});
