import type { Contest, ContestMetric, ContestScope, ContestTier } from '../../data/contests-enums';
import { isMoneyMetric, MAX_TARGETS } from '../../data/contests-enums';
import type { Relationship, Unit } from '../../types';
import { moneyInput, parseCount, parseMoney } from '../plans/amounts';

export interface PrizeDraft {
  rankFrom: string;
  rankTo: string;
  amount: string;
}
export interface TargetDraft {
  value: string;
  bonus: string;
}
/** A contest as its form holds it: the texts of the inputs (money in major units of the org's currency). */
export interface ContestDraft {
  name: string;
  metric: ContestMetric;
  scope: ContestScope;
  unitKind: Unit['kind'];
  from: string;
  to: string;
  kosIds: string[];
  unitIds: string[];
  relationships: Relationship[];
  tiers: ContestTier[];
  prizes: PrizeDraft[];
  targets: TargetDraft[];
}

export const emptyDraft = (today: string): ContestDraft => ({
  name: '',
  metric: 'netSales',
  scope: 'kos',
  unitKind: 'store',
  from: today,
  to: today,
  kosIds: [],
  unitIds: [],
  relationships: [],
  tiers: [],
  prizes: [{ rankFrom: '1', rankTo: '1', amount: '' }],
  targets: [],
});

/** A target's value as typed: money in major units for money metrics, else a count. */
const valueInput = (value: number, metric: ContestMetric, currency: string) =>
  isMoneyMetric(metric) ? moneyInput(value, currency) : String(value);

export function draftOf(c: Contest, currency: string): ContestDraft {
  const p = c.participants ?? {};
  return {
    name: c.name,
    metric: c.metric,
    scope: c.scope,
    unitKind: c.unitKind ?? 'store',
    from: c.from,
    to: c.to,
    kosIds: p.kosIds ?? [],
    unitIds: p.unitIds ?? [],
    relationships: p.relationships ?? [],
    tiers: p.tiers ?? [],
    prizes: c.prizes.map((x) => ({
      rankFrom: String(x.rankFrom),
      rankTo: String(x.rankTo),
      amount: moneyInput(x.amountMinor, currency),
    })),
    targets: c.targets.map((x) => ({
      value: valueInput(x.value, c.metric, currency),
      bonus: moneyInput(x.bonusMinor, currency),
    })),
  };
}

/** Errors found in the browser, by the API path they concern, as translation keys. */
export type DraftErrors = Record<string, string>;

/** The API body of a draft and the errors that keep it from being sent (the server checks again). */
export function readDraft(d: ContestDraft, currency: string): { body: Record<string, unknown>; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const money = (path: string, text: string) => {
    const minor = parseMoney(text, currency);
    if (minor === null) errors[path] = 'contests.error.required';
    else if (Number.isNaN(minor)) errors[path] = 'contests.error.amount';
    return minor !== null && !Number.isNaN(minor) ? minor : null;
  };
  const whole = (path: string, text: string, min: number) => {
    const n = parseCount(text);
    if (n === null) errors[path] = 'contests.error.required';
    else if (Number.isNaN(n) || n < min) errors[path] = 'contests.error.whole';
    return n !== null && !Number.isNaN(n) ? n : null;
  };
  if (!d.name.trim()) errors.name = 'contests.error.required';
  if (!d.from) errors.from = 'contests.error.required';
  if (!d.to) errors.to = 'contests.error.required';
  else if (d.from && d.to < d.from) errors.to = 'contests.error.toBeforeFrom';
  const prizes = d.prizes.map((p, i) => {
    const rankFrom = whole(`prizes.${i}.rankFrom`, p.rankFrom, 1);
    const rankTo = whole(`prizes.${i}.rankTo`, p.rankTo, 1);
    if (rankFrom !== null && rankTo !== null && rankTo < rankFrom) errors[`prizes.${i}.rankTo`] = 'contests.error.rankOrder';
    return { rankFrom, rankTo, amountMinor: money(`prizes.${i}.amountMinor`, p.amount) };
  });
  const moneyMetric = isMoneyMetric(d.metric);
  const targets = d.targets.slice(0, MAX_TARGETS).map((x, i) => {
    const path = `targets.${i}.value`;
    const value = moneyMetric ? money(path, x.value) : whole(path, x.value, 1);
    return { value, bonusMinor: money(`targets.${i}.bonusMinor`, x.bonus) };
  });
  targets.forEach((x, i) => {
    const previous = targets[i - 1]?.value;
    const path = `targets.${i}.value`;
    if (!errors[path] && x.value !== null && previous != null && x.value <= previous)
      errors[path] = 'contests.error.targetsIncreasing';
  });
  const lists = { kosIds: d.kosIds, unitIds: d.unitIds, relationships: d.relationships, tiers: d.tiers };
  const body: Record<string, unknown> = {
    name: d.name.trim(),
    metric: d.metric,
    scope: d.scope,
    ...(d.scope === 'unit' ? { unitKind: d.unitKind } : {}),
    from: d.from,
    to: d.to,
    participants: Object.fromEntries(Object.entries(lists).filter(([, list]) => list.length > 0)),
    prizes,
    targets,
  };
  return { body, errors };
}
