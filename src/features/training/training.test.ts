import { describe, expect, test } from 'vitest';
import { coveredUnits } from './assignment.service.js';
import {
  type Audience,
  type AudienceFacts,
  DAY_MS,
  dueAtOf,
  enrolmentStatus,
  inAudience,
  progressAfter,
  quizPasses,
  sameAudience,
  scoreQuiz,
} from './training.js';
import { reportRows } from './training-report.js';

describe('the 80 % quiz rule (correct × 5 ≥ total × 4)', () => {
  test.each([
    [4, 5, true],
    [3, 5, false],
    [5, 5, true],
    [3, 4, false],
    [4, 4, true],
    [8, 10, true],
    [7, 10, false],
    [7, 9, false],
    [8, 9, true],
    [1, 1, true],
    [0, 1, false],
    [0, 0, true],
    [12, 15, true],
    [11, 15, false],
    [79, 100, false],
    [80, 100, true],
  ])('%i of %i right → passed %s', (correct, total, passed) => {
    expect(quizPasses(correct, total)).toBe(passed);
  });

  test('scoring counts answers equal to the right index; one outside the choices is wrong', () => {
    const questions = [
      { q: 'a', choices: ['x', 'y'], answer: 1 },
      { q: 'b', choices: ['x', 'y', 'z'], answer: 2 },
      { q: 'c', choices: ['x', 'y'], answer: 0 },
      { q: 'd', choices: ['x', 'y'], answer: 0 },
      { q: 'e', choices: ['x', 'y'], answer: 1 },
    ];
    expect(scoreQuiz(questions, [1, 2, 0, 0, 7])).toEqual({ correct: 4, total: 5, passed: true });
    expect(scoreQuiz(questions, [1, 2, 0, 1, 0])).toEqual({ correct: 3, total: 5, passed: false });
  });
});

describe('audiences', () => {
  // hq ─┬─ north ── store-hn
  //     └─ south ─┬─ store-sg
  //               └─ store-ct
  const units = [
    { id: 'hq', parentId: null },
    { id: 'north', parentId: 'hq' },
    { id: 'south', parentId: 'hq' },
    { id: 'store-hn', parentId: 'north' },
    { id: 'store-sg', parentId: 'south' },
    { id: 'store-ct', parentId: 'south' },
  ];
  const empty: Audience = { tiers: [], relationships: [], statuses: [], unitIds: [] };
  const kos = (over: Partial<AudienceFacts> = {}): AudienceFacts => ({
    tier: 'B',
    relationship: 'independent',
    status: 'active',
    unitId: 'store-sg',
    ...over,
  });
  const matches = (audience: Partial<Audience>, facts: AudienceFacts) => {
    const a = { ...empty, ...audience };
    return inAudience(a, coveredUnits(units, a), facts);
  };

  test.each<[string, Partial<Audience>, Partial<AudienceFacts>, boolean]>([
    ['empty audience, active', {}, {}, true],
    ['empty audience, onboarding', {}, { status: 'onboarding' }, true],
    ['empty audience, paused', {}, { status: 'paused' }, true],
    ['empty audience, candidate', {}, { status: 'candidate' }, false],
    ['empty audience, offboarded', {}, { status: 'offboarded' }, false],
    ['empty audience, no unit, no tier', {}, { unitId: null, tier: null }, true],
    ['tiers given, empty statuses still leave out candidates', { tiers: ['B'] }, { status: 'candidate' }, false],
    ['statuses given name candidates explicitly', { statuses: ['candidate'] }, { status: 'candidate' }, true],
    ['statuses onboarding/active, active', { statuses: ['onboarding', 'active'] }, {}, true],
    ['statuses onboarding/active, paused', { statuses: ['onboarding', 'active'] }, { status: 'paused' }, false],
    ['tier C, KOS B', { tiers: ['C'] }, {}, false],
    ['tiers S/A, KOS A', { tiers: ['S', 'A'] }, { tier: 'A' }, true],
    ['tiers S/A, KOS without tier', { tiers: ['S', 'A'] }, { tier: null }, false],
    ['relationship matches', { relationships: ['independent', 'agent'] }, {}, true],
    ['relationship does not', { relationships: ['employee'] }, {}, false],
    ['unit covers its subtree (region → store)', { unitIds: ['south'] }, {}, true],
    ['unit covers itself', { unitIds: ['store-sg'] }, {}, true],
    ['the root covers everything below', { unitIds: ['hq'] }, { unitId: 'store-hn' }, true],
    ['a sibling subtree does not', { unitIds: ['north'] }, {}, false],
    ['a child does not cover its parent', { unitIds: ['store-sg'] }, { unitId: 'south' }, false],
    ['units given, KOS without unit', { unitIds: ['hq'] }, { unitId: null }, false],
    ['lists are AND-ed: unit yes, tier no', { unitIds: ['south'], tiers: ['S'] }, {}, false],
    [
      'lists are AND-ed: all match',
      { unitIds: ['south'], tiers: ['B'], relationships: ['independent'], statuses: ['active'] },
      {},
      true,
    ],
  ])('%s', (_name, audience, facts, expected) => {
    expect(matches(audience, kos(facts))).toBe(expected);
  });

  test('same audience compares the lists as sets', () => {
    expect(sameAudience({ ...empty, tiers: ['S', 'A'] }, { ...empty, tiers: ['A', 'S'] })).toBe(true);
    expect(sameAudience({ ...empty, tiers: ['S'] }, { ...empty, tiers: ['S', 'A'] })).toBe(false);
    expect(sameAudience({ ...empty, unitIds: ['x'] }, empty)).toBe(false);
  });
});

describe('enrolment status', () => {
  const due = Date.parse('2026-03-15T00:00:00Z');
  test.each<[string, 'assigned' | 'in_progress' | 'completed', number, string]>([
    ['assigned before the due date', 'assigned', due - 1, 'assigned'],
    ['assigned exactly at the due date', 'assigned', due, 'assigned'],
    ['assigned one ms after', 'assigned', due + 1, 'overdue'],
    ['in progress after', 'in_progress', due + DAY_MS, 'overdue'],
    ['completed is never overdue', 'completed', due + 100 * DAY_MS, 'completed'],
    ['in progress before', 'in_progress', due - DAY_MS, 'in_progress'],
  ])('%s', (_name, stored, now, expected) => {
    expect(enrolmentStatus(stored, due, now)).toBe(expected);
  });

  test('due = assignment + dueDays × 24 h', () => {
    expect(dueAtOf(Date.parse('2026-03-01T10:00:00Z'), 14)).toBe(Date.parse('2026-03-15T10:00:00Z'));
  });

  test.each<[string, 'assigned' | 'in_progress' | 'completed', string[], string, string[], string]>([
    ['first lesson of three', 'assigned', [], 'a', ['a'], 'in_progress'],
    ['second lesson', 'in_progress', ['a'], 'c', ['a', 'c'], 'in_progress'],
    ['the last lesson completes', 'in_progress', ['a', 'c'], 'b', ['a', 'c', 'b'], 'completed'],
    ['a lesson again changes nothing', 'in_progress', ['a'], 'a', ['a'], 'in_progress'],
    ['a one-lesson course completes at once', 'assigned', [], 'a', ['a'], 'completed'],
    ['completed stays completed', 'completed', ['a', 'b', 'c'], 'a', ['a', 'b', 'c'], 'completed'],
  ])('%s', (name, stored, done, lesson, lessons, status) => {
    const ids = name.startsWith('a one-lesson') ? ['a'] : ['a', 'b', 'c'];
    expect(progressAfter(stored, done, ids, lesson)).toEqual({ completedLessons: lessons, status });
  });
});

describe('the completion report', () => {
  const now = Date.parse('2026-03-20T00:00:00Z');
  const past = now - DAY_MS;
  const future = now + DAY_MS;
  test('rows per course × unit × tier; overdue read now; rate null never (a row has enrolments)', () => {
    const rows = reportRows(
      [
        { courseId: 'c1', unitId: 'u1', tier: 'A', status: 'completed', dueAt: past },
        { courseId: 'c1', unitId: 'u1', tier: 'A', status: 'in_progress', dueAt: past },
        { courseId: 'c1', unitId: 'u1', tier: 'A', status: 'assigned', dueAt: future },
        { courseId: 'c1', unitId: 'u1', tier: 'S', status: 'assigned', dueAt: past },
        { courseId: 'c1', unitId: null, tier: null, status: 'completed', dueAt: future },
        { courseId: 'c0', unitId: 'u2', tier: null, status: 'assigned', dueAt: future },
      ],
      now,
    );
    expect(rows).toEqual([
      { courseId: 'c0', unitId: 'u2', tier: null, assigned: 1, completed: 0, overdue: 0, completionRate: 0 },
      { courseId: 'c1', unitId: 'u1', tier: 'S', assigned: 1, completed: 0, overdue: 1, completionRate: 0 },
      { courseId: 'c1', unitId: 'u1', tier: 'A', assigned: 3, completed: 1, overdue: 1, completionRate: 1 / 3 },
      { courseId: 'c1', unitId: null, tier: null, assigned: 1, completed: 1, overdue: 0, completionRate: 1 },
    ]);
    expect(reportRows([], now)).toEqual([]);
  });
});
