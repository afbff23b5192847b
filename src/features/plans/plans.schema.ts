import { z } from 'zod';
import { bps, id, isoDate, minor } from '../../lib/schemas.js';
import { keyed } from '../../lib/zod-problems.js';
import { RELATIONSHIPS, TIERS } from '../kos/kos.js';

const BASES = ['net', 'platform_commission'] as const;

const LISTED_TWICE = keyed('field.listed_twice', 'is listed twice');

/** Ids or enum values, each at most once (a repeat answers 422 at its index). */
const uniqueList = <T extends z.ZodType<string>>(item: T) =>
  z
    .array(item)
    .max(500)
    .superRefine((values, ctx) => {
      values.forEach((value, i) => {
        if (values.indexOf(value) !== i) ctx.addIssue({ code: 'custom', path: [i], ...LISTED_TWICE });
      });
    });

// Strict: a misspelt key (`kosId`) would otherwise be dropped and silently turn the plan into the org default.
const appliesTo = z.strictObject({
  kosIds: uniqueList(id).optional(),
  unitIds: uniqueList(id).optional(),
  relationships: uniqueList(z.enum(RELATIONSHIPS)).optional(),
  tiers: uniqueList(z.enum(TIERS)).optional(),
});

const override = z
  .object({
    sku: z.string().trim().min(1).max(64).optional(),
    category: z.string().trim().min(1).max(100).optional(),
    rateBps: bps,
  })
  .refine(
    (o) => (o.sku === undefined) !== (o.category === undefined),
    keyed('plan.override.sku_or_category', 'must name exactly one of sku or category'),
  );
const overrides = z
  .array(override)
  .max(500)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((o, i) => {
      const key = o.sku !== undefined ? `sku:${o.sku}` : `category:${o.category}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: [i], ...keyed('plan.override.repeated', 'repeats an earlier override') });
      seen.add(key);
    });
  });

const step = z.object({ fromMinor: minor, rateBps: bps });
const steps = z
  .array(step)
  .max(100)
  .superRefine((list, ctx) => {
    list.forEach((s, i) => {
      if (i === 0 && s.fromMinor !== 0)
        ctx.addIssue({
          code: 'custom',
          path: [0, 'fromMinor'],
          ...keyed('plan.steps.first_not_zero', 'the first step starts at 0'),
        });
      const previous = list[i - 1];
      if (previous && s.fromMinor <= previous.fromMinor)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'fromMinor'],
          ...keyed('plan.steps.not_increasing', 'must be greater than the previous step'),
        });
    });
  });

const fields = {
  name: z.string().trim().min(1).max(200),
  appliesTo,
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  rateBps: bps,
  base: z.enum(BASES),
  overrides,
  steps,
  livestreamFeeMinor: minor,
  holdingDays: z.number().int().min(0).max(365),
};

export const planCreate = z.object({
  name: fields.name,
  appliesTo: fields.appliesTo.default({}),
  validFrom: fields.validFrom,
  validTo: fields.validTo.optional(),
  rateBps: fields.rateBps,
  base: fields.base.default('net'),
  overrides: fields.overrides.default([]),
  steps: fields.steps.default([]),
  livestreamFeeMinor: fields.livestreamFeeMinor.default(0),
  holdingDays: fields.holdingDays.default(15),
});
export const planPatch = z.object({
  name: fields.name.optional(),
  appliesTo: fields.appliesTo.optional(),
  validFrom: fields.validFrom.optional(),
  validTo: fields.validTo.optional(),
  rateBps: fields.rateBps.optional(),
  base: fields.base.optional(),
  overrides: fields.overrides.optional(),
  steps: fields.steps.optional(),
  livestreamFeeMinor: fields.livestreamFeeMinor.optional(),
  holdingDays: fields.holdingDays.optional(),
});
/** `?kosId=`: only the plans that cover that KOS (on any date). */
export const planListQuery = z.object({ kosId: id.optional() });

export const planOut = z.object({
  id: z.string(),
  name: z.string(),
  appliesTo: z.object({
    kosIds: z.array(z.string()).optional(),
    unitIds: z.array(z.string()).optional(),
    relationships: z.array(z.enum(RELATIONSHIPS)).optional(),
    tiers: z.array(z.enum(TIERS)).optional(),
  }),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  rateBps: z.number().int(),
  base: z.enum(BASES),
  overrides: z.array(z.object({ sku: z.string().optional(), category: z.string().optional(), rateBps: z.number().int() })),
  steps: z.array(z.object({ fromMinor: z.number().int(), rateBps: z.number().int() })),
  livestreamFeeMinor: z.number().int(),
  holdingDays: z.number().int(),
  currency: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type PlanOut = z.infer<typeof planOut>;
export type PlanCreate = z.infer<typeof planCreate>;
export type PlanPatch = z.infer<typeof planPatch>;
export type PlanListQuery = z.infer<typeof planListQuery>;
