import type { Plan, Relationship } from '../../types';
import { moneyInput, parseCount, parseMoney, parseRate, rateInput } from './amounts';
import type { PreviewPlan } from './commission-preview';

export type Tier = NonNullable<NonNullable<Plan['appliesTo']['tiers']>[number]>;
export interface OverrideDraft {
  kind: 'sku' | 'category';
  value: string;
  rate: string;
}
export interface StepDraft {
  from: string;
  rate: string;
}
/** A plan as its form holds it: the texts of the inputs (rates in %, amounts in major units). */
export interface PlanDraft {
  name: string;
  kosIds: string[];
  unitIds: string[];
  relationships: Relationship[];
  tiers: Tier[];
  validFrom: string;
  validTo: string;
  rate: string;
  base: Plan['base'];
  overrides: OverrideDraft[];
  steps: StepDraft[];
  livestreamFee: string;
  holdingDays: string;
}

export const emptyDraft = (today: string): PlanDraft => ({
  name: '',
  kosIds: [],
  unitIds: [],
  relationships: [],
  tiers: [],
  validFrom: today,
  validTo: '',
  rate: '',
  base: 'net',
  overrides: [],
  steps: [],
  livestreamFee: '',
  holdingDays: '15',
});

export function draftOf(plan: Plan, language: string): PlanDraft {
  const a = plan.appliesTo;
  return {
    name: plan.name,
    kosIds: a.kosIds ?? [],
    unitIds: a.unitIds ?? [],
    relationships: a.relationships ?? [],
    tiers: a.tiers ?? [],
    validFrom: plan.validFrom,
    validTo: plan.validTo ?? '',
    rate: rateInput(plan.rateBps, language),
    base: plan.base,
    overrides: plan.overrides.map((o) => ({
      kind: o.sku !== undefined ? 'sku' : 'category',
      value: o.sku ?? o.category ?? '',
      rate: rateInput(o.rateBps, language),
    })),
    steps: plan.steps.map((s) => ({ from: moneyInput(s.fromMinor, plan.currency), rate: rateInput(s.rateBps, language) })),
    livestreamFee: moneyInput(plan.livestreamFeeMinor, plan.currency),
    holdingDays: String(plan.holdingDays),
  };
}

/** Errors found in the browser, by the API path they concern, as translation keys. */
export type DraftErrors = Record<string, string>;

/** The API body of a draft, the errors that keep it from being sent, and the plan the preview reads (null without a rate). */
export function readDraft(d: PlanDraft, currency: string) {
  const errors: DraftErrors = {};
  const rateAt = (path: string, text: string) => {
    const bps = parseRate(text);
    if (bps === null) errors[path] = 'plans.error.required';
    else if (Number.isNaN(bps)) errors[path] = 'plans.error.rate';
    return bps !== null && !Number.isNaN(bps) ? bps : null;
  };
  const moneyAt = (path: string, text: string) => {
    const minor = parseMoney(text, currency);
    if (minor !== null && Number.isNaN(minor)) errors[path] = 'plans.error.amount';
    return minor !== null && !Number.isNaN(minor) ? minor : null;
  };
  const rateBps = rateAt('rateBps', d.rate);
  const overrides = d.overrides.map((o, i) => {
    if (!o.value.trim()) errors[`overrides.${i}`] = 'plans.error.required';
    const rate = rateAt(`overrides.${i}.rateBps`, o.rate);
    return o.kind === 'sku' ? { sku: o.value.trim(), rateBps: rate } : { category: o.value.trim(), rateBps: rate };
  });
  const steps = d.steps.map((s, i) => {
    if (i > 0 && !s.from.trim()) errors[`steps.${i}.fromMinor`] = 'plans.error.required';
    const fromMinor = s.from.trim() ? moneyAt(`steps.${i}.fromMinor`, s.from) : i === 0 ? 0 : null;
    return { fromMinor, rateBps: rateAt(`steps.${i}.rateBps`, s.rate) };
  });
  steps.forEach((s, i) => {
    const path = `steps.${i}.fromMinor`;
    const previous = steps[i - 1]?.fromMinor;
    if (errors[path] || s.fromMinor === null) return;
    if (i === 0 && s.fromMinor !== 0) errors[path] = 'problems.plan.steps.first_not_zero';
    else if (previous != null && s.fromMinor <= previous) errors[path] = 'problems.plan.steps.not_increasing';
  });
  const holdingDays = parseCount(d.holdingDays);
  if (holdingDays === null || Number.isNaN(holdingDays)) errors.holdingDays = 'plans.error.whole';
  const lists = { kosIds: d.kosIds, unitIds: d.unitIds, relationships: d.relationships, tiers: d.tiers };
  const body = {
    name: d.name.trim(),
    appliesTo: Object.fromEntries(Object.entries(lists).filter(([, list]) => list.length > 0)),
    validFrom: d.validFrom,
    validTo: d.validTo || null,
    rateBps,
    base: d.base,
    overrides,
    steps,
    livestreamFeeMinor: moneyAt('livestreamFeeMinor', d.livestreamFee) ?? 0,
    holdingDays,
  };
  const preview: PreviewPlan | null =
    rateBps === null
      ? null
      : {
          rateBps,
          base: d.base,
          overrides: overrides.flatMap(({ rateBps: r, ...named }) =>
            r === null || !Object.values(named)[0] ? [] : [{ ...named, rateBps: r }],
          ),
          steps: steps.flatMap((s) =>
            s.fromMinor === null || s.rateBps === null ? [] : [{ fromMinor: s.fromMinor, rateBps: s.rateBps }],
          ),
        };
  return { body, errors, preview };
}
