import { z } from 'zod';
import { id, isoDate, minor } from '../../lib/schemas.js';
import { keyed } from '../../lib/zod-problems.js';
import { RELATIONSHIPS, TIERS } from '../kos/kos.js';
import { UNIT_KINDS } from '../units/units.js';
import { CONTEST_METRICS, CONTEST_SCOPES, CONTEST_STATUSES, MAX_TARGETS, prizeProblems, targetsOutOfOrder } from './contests.js';

const rank = z.number().int().min(1).max(1_000_000);
const positiveMinor = minor.min(1);

const unique = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .superRefine((items, ctx) => {
      const seen = new Set<unknown>();
      items.forEach((v, i) => {
        if (seen.has(v)) ctx.addIssue({ code: 'custom', path: [i], ...keyed('field.listed_twice', 'is listed twice') });
        seen.add(v);
      });
    });

export const participantsIn = z.object({
  kosIds: unique(id, 5000).optional(),
  unitIds: unique(id, 500).optional(),
  relationships: unique(z.enum(RELATIONSHIPS), RELATIONSHIPS.length).optional(),
  tiers: unique(z.enum(TIERS), TIERS.length).optional(),
});

const prize = z.object({ rankFrom: rank, rankTo: rank, amountMinor: positiveMinor });
export const prizesIn = z
  .array(prize)
  .max(100)
  .superRefine((prizes, ctx) => {
    for (const p of prizeProblems(prizes))
      ctx.addIssue({
        code: 'custom',
        path: [p.index, 'rankTo'],
        ...(p.reason === 'range'
          ? keyed('contest.prize.range', 'rankFrom must not be above rankTo')
          : keyed('contest.prize.overlap', 'overlaps the ranks of another prize')),
      });
  });

const target = z.object({ value: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), bonusMinor: positiveMinor });
export const targetsIn = z
  .array(target)
  .max(MAX_TARGETS)
  .superRefine((targets, ctx) => {
    const i = targetsOutOfOrder(targets);
    if (i >= 0)
      ctx.addIssue({
        code: 'custom',
        path: [i, 'value'],
        ...keyed('contest.targets.order', 'target values must be strictly increasing'),
      });
  });

const fields = {
  name: z.string().trim().min(1).max(200),
  metric: z.enum(CONTEST_METRICS),
  scope: z.enum(CONTEST_SCOPES),
  unitKind: z.enum(UNIT_KINDS).nullable(),
  from: isoDate,
  to: isoDate,
  participants: participantsIn,
  prizes: prizesIn,
  targets: targetsIn,
};

/** The rules across fields (unit kind for a unit contest, from ≤ to), for a create or a patched whole. */
export function contestProblems(c: { scope: string; unitKind?: string | null; from: string; to: string }) {
  const out: { path: string; key: 'contest.unit_kind.required' | 'contest.days.order'; message: string }[] = [];
  if (c.scope === 'unit' && !c.unitKind)
    out.push({ path: 'unitKind', key: 'contest.unit_kind.required', message: 'is required for a unit contest' });
  if (c.from > c.to) out.push({ path: 'from', key: 'contest.days.order', message: 'must not be after to' });
  return out;
}

export const contestCreate = z.object({
  name: fields.name,
  metric: fields.metric,
  scope: fields.scope.default('kos'),
  unitKind: fields.unitKind.optional(),
  from: fields.from,
  to: fields.to,
  participants: participantsIn.default({}),
  prizes: prizesIn.default([]),
  targets: targetsIn.default([]),
});
export const contestPatch = z.object({
  name: fields.name.optional(),
  metric: fields.metric.optional(),
  scope: fields.scope.optional(),
  unitKind: fields.unitKind.optional(),
  from: fields.from.optional(),
  to: fields.to.optional(),
  participants: participantsIn.optional(),
  prizes: prizesIn.optional(),
  targets: targetsIn.optional(),
});
export const contestListQuery = z.object({ status: z.enum(CONTEST_STATUSES).optional() });

export const awardOut = z.object({
  kosId: z.string(),
  name: z.string(),
  unitId: z.string().nullable(),
  kind: z.enum(['prize', 'target']),
  rank: z.number().int(),
  amountMinor: z.number().int(),
  entryId: z.string(),
});
export const closeOut = z.object({ awards: z.array(awardOut) });

export const contestOut = z.object({
  id: z.string(),
  name: z.string(),
  metric: z.enum(CONTEST_METRICS),
  scope: z.enum(CONTEST_SCOPES),
  unitKind: z.enum(UNIT_KINDS).nullable(),
  from: z.string(),
  to: z.string(),
  participants: participantsIn,
  prizes: z.array(prize),
  targets: z.array(target),
  status: z.enum(CONTEST_STATUSES),
  currency: z.string(),
  closedAt: z.string().nullable(),
  awards: z.array(awardOut).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const standingRowOut = z.object({
  rank: z.number().int(),
  kosId: z.string().optional(),
  unitId: z.string().optional(),
  code: z.string().optional(),
  name: z.string(),
  value: z.number(),
  target: z.number().optional(),
});
export const standingsOut = z.object({ rows: z.array(standingRowOut) });

export type ContestCreate = z.infer<typeof contestCreate>;
export type ContestPatch = z.infer<typeof contestPatch>;
export type ContestOut = z.infer<typeof contestOut>;
export type AwardOut = z.infer<typeof awardOut>;
