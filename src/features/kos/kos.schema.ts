import { z } from 'zod';
import { httpUrl, id } from '../../lib/schemas.js';
import { keyed } from '../../lib/zod-problems.js';
import { KOS_CODE, KOS_HANDLE, KOS_STATUSES, RELATIONSHIPS, STATUS_REASONS, TIERS } from './kos.js';
import { ONBOARDING_STEPS } from './onboarding.js';

const code = z.string().trim().toUpperCase().regex(KOS_CODE, keyed('kos.code.format', 'must be 4–16 characters A–Z or 0–9'));
const handle = z
  .string()
  .trim()
  .regex(KOS_HANDLE, keyed('kos.handle.format', 'must be 3–30 characters a–z, 0–9, . _ - starting with a letter or digit'));
const text = (max: number) => z.string().trim().max(max);
const taxProfileIn = z.object({
  hasLabourContract3m: z.boolean().optional(),
  commitment08: z.boolean().optional(),
  taxCode: text(32).nullable().optional(),
});
const contacts = z.object({
  zalo: text(100).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .()-]{6,20}$/, keyed('field.phone', 'must be a phone number'))
    .optional(),
  messenger: text(200).optional(),
  email: z.email(keyed('field.email', 'must be an e-mail address')).max(254).optional(),
});
const list = (max: number) => z.array(z.string().trim().min(1).max(max)).max(50);

const editable = {
  name: z.string().trim().min(1).max(200),
  relationship: z.enum(RELATIONSHIPS),
  unitId: id.nullable(),
  status: z.enum(KOS_STATUSES),
  tier: z.enum(TIERS).nullable(),
  /** A locked tier is left alone by recomputes (docs/tiers.md). */
  tierLocked: z.boolean(),
  categories: list(100),
  voucherCodes: list(64),
  taxProfile: taxProfileIn,
  bio: text(1000).nullable(),
  avatarUrl: httpUrl.nullable(),
  contacts,
};

export const kosCreate = z.object({
  code,
  handle,
  name: editable.name,
  relationship: editable.relationship,
  unitId: editable.unitId.optional(),
  status: editable.status.default('candidate'),
  tier: editable.tier.optional(),
  tierLocked: editable.tierLocked.optional(),
  categories: editable.categories.default([]),
  voucherCodes: editable.voucherCodes.default([]),
  taxProfile: editable.taxProfile.optional(),
  bio: editable.bio.optional(),
  avatarUrl: editable.avatarUrl.optional(),
  contacts: editable.contacts.optional(),
});

export const kosPatch = z.object({ code: code.optional(), handle: handle.optional(), ...partial(editable) });

export const kosListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  unitId: id.optional(),
  status: z.enum(KOS_STATUSES).optional(),
  tier: z.enum(TIERS).optional(),
  relationship: z.enum(RELATIONSHIPS).optional(),
});

export const taxProfileOut = z.object({
  hasLabourContract3m: z.boolean(),
  commitment08: z.boolean(),
  taxCode: z.string().nullable(),
});

/** A KOS as the repository reads it; answers add `statusHistory` (kosOut). */
export const kosRecord = z.object({
  id: z.string(),
  code: z.string(),
  handle: z.string(),
  name: z.string(),
  relationship: z.enum(RELATIONSHIPS),
  unitId: z.string().nullable(),
  status: z.enum(KOS_STATUSES),
  tier: z.enum(TIERS).nullable(),
  tierLocked: z.boolean(),
  categories: z.array(z.string()),
  voucherCodes: z.array(z.string()),
  taxProfile: taxProfileOut,
  bio: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  contacts: contacts.partial(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const statusChangeOut = z.object({
  at: z.string(),
  from: z.enum(KOS_STATUSES).nullable(),
  to: z.enum(KOS_STATUSES),
  by: z.string().nullable(),
  reason: z.enum(STATUS_REASONS),
});
export const kosOut = kosRecord.extend({ statusHistory: z.array(statusChangeOut) });

export const onboardingOut = z.object({
  steps: z.array(z.object({ key: z.enum(ONBOARDING_STEPS), done: z.boolean() })),
  done: z.number().int(),
  total: z.number().int(),
});

export type Kos = z.infer<typeof kosRecord>;
export type KosOut = z.infer<typeof kosOut>;
export type StatusChange = z.infer<typeof statusChangeOut>;
export type KosCreate = z.infer<typeof kosCreate>;
export type KosPatch = z.infer<typeof kosPatch>;
export type KosListQuery = z.infer<typeof kosListQuery>;

function partial<T extends Record<string, z.ZodType>>(shape: T): { [K in keyof T]: z.ZodOptional<T[K]> } {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };
}
