import type { ColumnType } from 'kysely';
import type * as Matrix from './schema-matrix.js';
import type * as Rollups from './schema-rollups.js';
import type * as Sales from './schema-sales.js';

/**
 * Row types of the database, snake_case as stored. Times are epoch milliseconds (bigint), flags are
 * integers 0/1 and structured values are JSON text, so that both dialects store the same thing.
 * Repositories map rows to camelCase domain objects; nothing beyond a repository sees a row.
 */
export interface OrgsTable {
  id: string;
  name: string;
  slug: string;
  currency: string;
  timezone: string;
  locale: string;
  attribution_window_days: number;
  post_live_window_hours: number;
  min_payout_minor: number;
  tax_rules: string;
  target_categories: string;
  /** JSON `{brandWords[], targetPlatforms[]}` (0009-matrix); the column's default (empty lists) when not inserted. */
  brand_kit: ColumnType<string, string | undefined, string>;
  /** JSON `{s,a,b}` tier cut-offs in percent (0010-tiers); the column's default (10/20/40) when not inserted. */
  tier_cutoffs: ColumnType<string, string | undefined, string>;
  webhook_secret: string | null;
  created_at: number;
  updated_at: number;
}

export interface UnitsTable {
  id: string;
  org_id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface MembersTable {
  id: string;
  org_id: string;
  email: string;
  name: string;
  password_hash: string | null;
  role: string;
  unit_id: string | null;
  kos_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface ApiKeysTable {
  id: string;
  org_id: string;
  name: string;
  role: string;
  unit_id: string | null;
  key_hash: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
}

export interface SessionsTable {
  id_hash: string;
  member_id: string;
  org_id: string;
  created_at: number;
  expires_at: number;
}

export interface KosTable {
  id: string;
  org_id: string;
  code: string;
  handle: string;
  name: string;
  relationship: string;
  unit_id: string | null;
  status: string;
  tier: string | null;
  /** 1 when a recompute must leave the tier alone (0010-tiers). */
  tier_locked: ColumnType<number, number | undefined, number>;
  categories: string;
  voucher_codes: string;
  tax_has_labour_contract_3m: number;
  tax_commitment_08: number;
  tax_code: string | null;
  bio: string | null;
  avatar_url: string | null;
  contacts: string;
  created_at: number;
  updated_at: number;
}

export interface KosVouchersTable {
  org_id: string;
  code_norm: string;
  kos_id: string;
}

export interface PlatformAccountsTable {
  id: string;
  org_id: string;
  kos_id: string;
  platform: string;
  handle: string;
  handle_norm: string;
  url: string | null;
  followers: number;
  display_name: string | null;
  bio: string | null;
  link_in_bio: string | null;
  verified: number;
  /** 1 ok, 0 not ok, null not checked (a person's check). */
  avatar_ok: number | null;
  pinned_ok: number | null;
  created_at: number;
  updated_at: number;
}

export interface KosStatusHistoryTable {
  id: string;
  org_id: string;
  kos_id: string;
  at: number;
  from_status: string | null;
  to_status: string;
  /** The member or API key that made the change; null for the system. */
  by: string | null;
  /** `manual`, `onboarding` or `conversion`. */
  reason: string;
}

export interface FollowerHistoryTable {
  id: string;
  org_id: string;
  account_id: string;
  followers: number;
  recorded_at: number;
}

export interface ProductsTable {
  id: string;
  org_id: string;
  sku: string;
  name: string;
  category: string | null;
  price_minor: number;
  stock: number | null;
  usp: string | null;
  faqs: string;
  platform_ids: string;
  delivery_days: number | null;
  /** The product's page: the destination of a KOS member's own links (docs/portal.md). */
  url: string | null;
  created_at: number;
  updated_at: number;
}

export interface LinksTable {
  id: string;
  org_id: string;
  kos_id: string;
  product_id: string | null;
  slug: string;
  destination_url: string;
  campaign: string | null;
  title: string | null;
  disabled: number;
  expires_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface ClicksTable {
  click_id: string;
  org_id: string;
  link_id: string;
  kos_id: string;
  clicked_at: number;
  visitor_hash: string;
  user_agent: string | null;
  referrer_host: string | null;
  device: string;
  is_bot: number;
  is_unique: number;
}

export interface LinkDailyTable {
  link_id: string;
  day: string;
  org_id: string;
  kos_id: string;
  clicks: number;
  unique_clicks: number;
  bots: number;
}

/** One link's clicks in one month (`YYYY-MM`) of its org's calendar: `link_daily` summed by month. */
export interface LinkMonthlyTable {
  link_id: string;
  month: string;
  org_id: string;
  kos_id: string;
  clicks: number;
  unique_clicks: number;
  bots: number;
}

/** The click ingester's position in one instance's click log (docs/clicks.md). */
export interface ClickLogCheckpointsTable {
  instance: string;
  segment: number;
  byte_offset: number;
  updated_at: number;
}

export interface ImportsTable {
  id: string;
  org_id: string;
  source: string;
  file_name: string | null;
  status: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  errors: string;
  created_by: string | null;
  created_at: number;
  finished_at: number | null;
  /** Data rows in the file (counted before storing); null while queued. */
  rows_total: number | null;
  failed_reason: string | null;
  /** The failure as a problem, JSON `{"key", "params"}` (docs/errors.md); null before migration 0007. */
  failed_problem: string | null;
  /** Last sign of life of the process running it; a stale one marks an orphan. */
  heartbeat_at: number | null;
  kos_id: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
}

export interface WebhookSignaturesTable {
  signature: string;
  org_id: string;
  seen_at: number;
}

export type * from './schema-matrix.js';
export type * from './schema-rollups.js';
export type * from './schema-sales.js';

export interface DB {
  orgs: OrgsTable;
  units: UnitsTable;
  members: MembersTable;
  api_keys: ApiKeysTable;
  sessions: SessionsTable;
  kos: KosTable;
  kos_vouchers: KosVouchersTable;
  platform_accounts: PlatformAccountsTable;
  follower_history: FollowerHistoryTable;
  kos_status_history: KosStatusHistoryTable;
  products: ProductsTable;
  links: LinksTable;
  clicks: ClicksTable;
  link_daily: LinkDailyTable;
  link_monthly: LinkMonthlyTable;
  click_log_checkpoints: ClickLogCheckpointsTable;
  imports: ImportsTable;
  rate_limits: RateLimitsTable;
  webhook_signatures: WebhookSignaturesTable;
  order_lines: Sales.OrderLinesTable;
  order_line_history: Sales.OrderLineHistoryTable;
  plans: Sales.PlansTable;
  payouts: Sales.PayoutsTable;
  payout_periods: Sales.PayoutPeriodsTable;
  ledger_entries: Sales.LedgerEntriesTable;
  livestreams: Sales.LivestreamsTable;
  livestream_products: Sales.LivestreamProductsTable;
  run_sheets: Sales.RunSheetsTable;
  import_mappings: Sales.ImportMappingsTable;
  recruitment_drives: Matrix.RecruitmentDrivesTable;
  recruitment_applications: Matrix.RecruitmentApplicationsTable;
  courses: Matrix.CoursesTable;
  enrolments: Matrix.EnrolmentsTable;
  kos_tier_history: Matrix.KosTierHistoryTable;
  scheduled_jobs: Matrix.ScheduledJobsTable;
  contests: Matrix.ContestsTable;
  contest_awards: Matrix.ContestAwardsTable;
  rollup_days: Rollups.RollupDaysTable;
  rollup_order_parts: Rollups.RollupOrderPartsTable;
  rollup_dirty: Rollups.RollupDirtyTable;
  rollup_state: Rollups.RollupStateTable;
  rollup_months: Rollups.RollupMonthsTable;
  rollup_month_parts: Rollups.RollupMonthPartsTable;
  rollup_month_state: Rollups.RollupMonthStateTable;
}
