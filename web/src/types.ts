/**
 * Answers of /api/v1 the console reads, typed from the server's own response schemas (type-only imports:
 * neither zod nor any server code is bundled). A change to a schema that breaks the console fails
 * `tsc -p web/tsconfig.json` instead of the page.
 */
import type { z } from 'zod';
import type { accountOut } from '../../src/features/accounts/accounts.schema';
import type { breakdownOut, leaderboardOut, metricsOut } from '../../src/features/analytics/analytics.schema';
import type { apiKeyOut } from '../../src/features/api-keys/api-keys.schema';
import type { meOut } from '../../src/features/auth/auth.schema';
import type { builtinSource, ImportStatus, importAccepted, importOut } from '../../src/features/imports/imports.schema';
import type { kosOut } from '../../src/features/kos/kos.schema';
import type { entryOut } from '../../src/features/ledger/ledger.schema';
import type { linkOut } from '../../src/features/links/links.schema';
import type { livestreamMetricsOut, livestreamOut } from '../../src/features/livestreams/livestreams.schema';
import type { memberOut } from '../../src/features/members/members.schema';
import type { lineOut } from '../../src/features/orders/lines.schema';
import type { orgOut } from '../../src/features/orgs/orgs.schema';
import type { closePeriodOut, payoutOut } from '../../src/features/payouts/payouts.schema';
import type { planOut } from '../../src/features/plans/plans.schema';
import type { productOut } from '../../src/features/products/products.schema';
import type { unitOut } from '../../src/features/units/units.schema';

/** A page of a list, as every list endpoint answers it. */
export type { Page } from '../../src/lib/page.schema';
export type { Locale } from './format';
export type { ImportStatus };

export type Org = z.infer<typeof orgOut>;
/** `GET /me`: the caller, its member record and org. */
export type Me = z.infer<typeof meOut>;

export type Kos = z.infer<typeof kosOut>;
export type Relationship = Kos['relationship'];
export type KosStatus = Kos['status'];
export type PlatformAccount = z.infer<typeof accountOut>;
export type Unit = z.infer<typeof unitOut>;
export type Product = z.infer<typeof productOut>;

/** `GET /analytics/summary`; rates are fractions or null (no denominator). */
export type Metrics = z.infer<typeof metricsOut>;
/** `GET /analytics/breakdown`: the metrics per `key` (the day with `by=day`). */
export type Breakdown = z.infer<typeof breakdownOut>;
/** `GET /analytics/leaderboard`. */
export type Leaderboard = z.infer<typeof leaderboardOut>;

/** `GET /imports/{id}`: `rows` is 0 until the file is counted, `rowsDone` the rows handled so far. */
export type ImportReport = z.infer<typeof importOut>;
/** `POST /imports` with `Prefer: respond-async` (202). */
export type ImportAccepted = z.infer<typeof importAccepted>;

export type Payout = z.infer<typeof payoutOut>;
/** `POST /payouts/close`. */
export type ClosePeriod = z.infer<typeof closePeriodOut>;

export type Member = z.infer<typeof memberOut>;
export type Role = Me['role'];
export type ApiKey = z.infer<typeof apiKeyOut>;
export type TrackedLink = z.infer<typeof linkOut>;
export type OrderLine = z.infer<typeof lineOut>;
export type LedgerEntry = z.infer<typeof entryOut>;
export type Livestream = z.infer<typeof livestreamOut>;
export type LivestreamMetrics = z.infer<typeof livestreamMetricsOut>;
export type Plan = z.infer<typeof planOut>;

/**
 * A list the console offers in a select, checked against the server's type: a value the server refuses,
 * or one it accepts that the list leaves out, is a compile error naming it.
 */
const allOf =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> })): L =>
    list;

export const RELATIONSHIPS = allOf<Relationship>()(['employee', 'store_staff', 'dealer_staff', 'agent', 'independent']);
export const KOS_STATUSES = allOf<KosStatus>()(['candidate', 'onboarding', 'active', 'paused', 'offboarded']);
export const TIERS = allOf<NonNullable<Kos['tier']>>()(['S', 'A', 'B', 'C']);
/** The built-in sources a file can be uploaded from (webhook imports arrive by themselves; saved mappings are the org's). */
export const IMPORT_SOURCES = allOf<z.infer<typeof builtinSource>>()([
  'shopee',
  'tiktok_shop',
  'tiktok_creator',
  'lazada',
  'accesstrade',
  'generic',
]);

export const ROLES = allOf<Role>()(['owner', 'admin', 'manager', 'viewer', 'kos']);
export const PLATFORMS = allOf<PlatformAccount['platform']>()([
  'tiktok_shop',
  'shopee',
  'lazada',
  'facebook',
  'youtube',
  'douyin',
  'xiaohongshu',
  'website',
  'other',
]);
export const FOLLOWER_TIERS = allOf<NonNullable<PlatformAccount['followerTier']>>()(['nano', 'micro', 'mid', 'macro', 'mega']);
export const UNIT_KINDS = allOf<Unit['kind']>()(['hq', 'region', 'dealer', 'store', 'team', 'business_line']);
export const IMPORT_STATUSES = allOf<ImportStatus>()(['queued', 'running', 'done', 'failed']);
export const PAYOUT_STATUSES = allOf<Payout['status']>()(['draft', 'approved', 'paid']);
export const LEDGER_KINDS = allOf<LedgerEntry['kind']>()([
  'sale',
  'livestream_fee',
  'tier_adjustment',
  'bonus',
  'adjustment',
  'clawback',
]);
export const LEDGER_STATUSES = allOf<LedgerEntry['status']>()(['pending', 'approved', 'paid', 'void']);
export const LINE_STATUSES = allOf<OrderLine['status']>()(['unpaid', 'pending', 'completed', 'cancelled', 'returned']);
export const ATTRIBUTIONS = allOf<OrderLine['attribution']>()([
  'code',
  'click',
  'account',
  'voucher',
  'report',
  'manual',
  'none',
]);
export const SESSION_STATUSES = allOf<Livestream['status']>()(['scheduled', 'live', 'ended', 'cancelled']);
export const PLAN_BASES = allOf<Plan['base']>()(['net', 'platform_commission']);

/** Whether an import is still waiting or running (its report is not final yet). */
export const isImportActive = (status: ImportStatus): boolean => status === 'queued' || status === 'running';
