import { z } from 'zod';
import { id, isoDateTime, minor, platform } from '../../lib/schemas.js';
import { keyed } from '../../lib/zod-problems.js';
import { KOS_CODE, KOS_HANDLE, RELATIONSHIPS } from '../kos/kos.js';
import { APPLICATION_STATUSES, consentGiven } from './recruitment.js';
import { CRITERION_SOURCES, NUMERIC_SOURCES } from './screening-score.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const key = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z][A-Za-z0-9_]{0,39}$/,
    keyed('drive.key.format', 'must be 1–40 characters A–Z, a–z, 0–9 or _ starting with a letter'),
  );
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9-]{2,63}$/,
    keyed('drive.slug.format', 'must be 3–64 characters a–z, 0–9 or - (starting with a letter or digit)'),
  );
const relationship = z.enum(RELATIONSHIPS);
const status = z.enum(APPLICATION_STATUSES);

const uniqueBy =
  <T>(pick: (item: T) => string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = pick(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i], ...keyed('field.listed_twice', 'is listed twice') });
      seen.add(k);
    });
  };

export const criterionIn = z
  .object({
    key,
    label: text(200),
    weight: z.number().int().min(1).max(1000),
    source: z.enum(CRITERION_SOURCES),
    target: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  })
  .superRefine((c, ctx) => {
    if (NUMERIC_SOURCES.includes(c.source) && !c.target)
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        ...keyed('drive.criterion.target_required', 'is required for a salesMinor, followers or coverage criterion'),
      });
  });
const criteria = z
  .array(criterionIn)
  .min(1)
  .max(20)
  .superRefine(uniqueBy((c) => c.key));
const questions = z
  .array(z.object({ key, label: text(300) }))
  .max(20)
  .superRefine(uniqueBy((q) => q.key));
const relationships = z
  .array(relationship)
  .min(1)
  .max(RELATIONSHIPS.length)
  .superRefine(uniqueBy((r) => r));
const categories = z.array(text(100)).max(50);

export const driveCreate = z.object({
  name: text(200),
  slug,
  unitId: id.nullable().optional(),
  relationships: relationships.default(['independent']),
  categories: categories.default([]),
  open: z.boolean().default(true),
  closesAt: isoDateTime.nullable().optional(),
  passScore: z.number().int().min(0).max(100).default(60),
  criteria: criteria.optional(),
  questions: questions.default([]),
});
export const drivePatch = z.object({
  name: text(200).optional(),
  slug: slug.optional(),
  unitId: id.nullable().optional(),
  relationships: relationships.optional(),
  categories: categories.optional(),
  open: z.boolean().optional(),
  closesAt: isoDateTime.nullable().optional(),
  passScore: z.number().int().min(0).max(100).optional(),
  criteria: criteria.optional(),
  questions: questions.optional(),
});

const criterionOut = z.object({
  key: z.string(),
  label: z.string(),
  weight: z.number().int(),
  source: z.enum(CRITERION_SOURCES),
  target: z.number().int().nullable(),
});
export const STATUS_COUNTS = z.object(
  Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, z.number().int()])) as {
    [K in (typeof APPLICATION_STATUSES)[number]]: z.ZodNumber;
  },
);
export const driveOut = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  unitId: z.string().nullable(),
  relationships: z.array(relationship),
  categories: z.array(z.string()),
  open: z.boolean(),
  closesAt: z.string().nullable(),
  passScore: z.number().int(),
  criteria: z.array(criterionOut),
  questions: z.array(z.object({ key: z.string(), label: z.string() })),
  currency: z.string(),
  applyUrl: z.string(),
  counts: STATUS_COUNTS,
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A platform handle as the form takes it: no spaces, a leading `@` dropped. */
const handle = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^@?[^\s@]+$/, keyed('account.handle.format', 'must be a platform handle without spaces'))
  .transform((h) => h.replace(/^@/, ''));
const accountIn = z.object({ platform, handle, followers: z.number().int().min(0).max(10_000_000_000).default(0) });

/** The public form's fields (JSON as is; a form post is first shaped by `form-body.ts`). */
export const applicationIn = z.object({
  name: text(200),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .()-]{6,20}$/, keyed('field.phone', 'must be a phone number'))
    .refine((p) => p.replace(/\D/g, '').length >= 6, keyed('field.phone', 'must be a phone number')),
  email: z
    .string()
    .trim()
    .pipe(z.email(keyed('field.email', 'must be an e-mail address')).max(254)),
  province: z.string().trim().max(100).nullable().optional(),
  relationship: relationship.optional(),
  accounts: z.array(accountIn).max(5).default([]),
  categories: categories.default([]),
  salesMinor: minor.nullable().optional(),
  coverage: z.number().int().min(0).max(1_000_000).nullable().optional(),
  answers: z.record(key, z.boolean()).default({}),
  consent: z
    .unknown()
    .refine(consentGiven, keyed('application.consent.required', 'consent to the processing of personal data is required')),
  website: z.string().max(2000).optional(),
});

export const applicationPatch = z.object({
  status: status.optional(),
  assessments: z.record(key, z.number().int().min(0).max(5).nullable()).optional(),
  override: z.boolean().optional(),
  note: z.string().trim().min(1).max(1000).nullable().optional(),
});

export const convertIn = z.object({
  code: z.string().trim().toUpperCase().regex(KOS_CODE, keyed('kos.code.format', 'must be 4–16 characters A–Z or 0–9')),
  handle: z
    .string()
    .trim()
    .regex(KOS_HANDLE, keyed('kos.handle.format', 'must be 3–30 characters a–z, 0–9, . _ - starting with a letter or digit'))
    .optional(),
  unitId: id.nullable().optional(),
});

export const applicationListQuery = z.object({
  driveId: id.optional(),
  status: status.optional(),
  minScore: z.coerce.number().min(0).max(100).optional(),
});

export const applicationCreated = z.object({ id: z.string(), status });

export const applicationOut = z.object({
  id: z.string(),
  driveId: z.string(),
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  /** True when phone and email are masked (a viewer reads them so). */
  masked: z.boolean(),
  province: z.string().nullable(),
  relationship: relationship,
  accounts: z.array(z.object({ platform, handle: z.string(), followers: z.number().int() })),
  categories: z.array(z.string()),
  salesMinor: z.number().int().nullable(),
  coverage: z.number().int().nullable(),
  answers: z.record(z.string(), z.boolean()),
  assessments: z.record(z.string(), z.number().int()),
  score: z.number(),
  passScore: z.number().int(),
  criteria: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      source: z.enum(CRITERION_SOURCES),
      weight: z.number().int(),
      value: z.union([z.number(), z.boolean()]).nullable(),
      s: z.number(),
      points: z.number(),
    }),
  ),
  status,
  kosId: z.string().nullable(),
  history: z.array(z.object({ status, at: z.string(), by: z.string().nullable(), note: z.string().nullable() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type DriveCreate = z.infer<typeof driveCreate>;
export type DrivePatch = z.infer<typeof drivePatch>;
export type Drive = z.infer<typeof driveOut>;
export type ApplicationIn = z.infer<typeof applicationIn>;
export type ApplicationPatch = z.infer<typeof applicationPatch>;
export type ApplicationListQuery = z.infer<typeof applicationListQuery>;
export type Application = z.infer<typeof applicationOut>;
export type ConvertIn = z.infer<typeof convertIn>;
export type StatusCounts = z.infer<typeof STATUS_COUNTS>;
