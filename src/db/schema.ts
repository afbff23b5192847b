import type { ColumnType } from 'kysely';

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

export interface OrderLinesTable {
  id: string;
  org_id: string;
  source: string;
  order_id: string;
  line_key: string;
  platform: string;
  status: string;
  raw_status: string;
  order_time: number;
  completed_time: number | null;
  sku: string | null;
  product_name: string | null;
  category: string | null;
  quantity: number;
  gross_minor: number;
  net_minor: number;
  refund_minor: number;
  platform_commission_minor: number | null;
  currency: string;
  sub_ids: string;
  creator: string | null;
  voucher: string | null;
  content_type: string | null;
  new_buyer: number | null;
  kos_id: string | null;
  attribution: string;
  link_id: string | null;
  click_id: string | null;
  session_id: string | null;
  import_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface OrderLineHistoryTable {
  id: string;
  org_id: string;
  line_id: string;
  import_id: string | null;
  at: number;
  change: string;
}

export interface LivestreamsTable {
  id: string;
  org_id: string;
  kos_id: string;
  account_id: string;
  platform: string;
  title: string;
  scheduled_start: number;
  scheduled_end: number;
  actual_start: number | null;
  actual_end: number | null;
  status: string;
  fee_minor: number | null;
  views: number;
  viewers: number;
  peak_viewers: number;
  avg_watch_seconds: number;
  comments: number;
  questions: number;
  questions_answered: number;
  product_clicks: number;
  add_to_cart: number;
  flash_offers: string;
  created_at: number;
  updated_at: number;
}

export interface LivestreamProductsTable {
  session_id: string;
  product_id: string;
  org_id: string;
  position: number;
}

export interface PlansTable {
  id: string;
  org_id: string;
  name: string;
  applies_to: string;
  valid_from: string;
  valid_to: string | null;
  rate_bps: number;
  base: string;
  overrides: string;
  steps: string;
  livestream_fee_minor: number;
  holding_days: number;
  created_at: number;
  updated_at: number;
}

export interface PayoutsTable {
  id: string;
  org_id: string;
  kos_id: string;
  period: string;
  gross_minor: number;
  withheld_minor: number;
  net_minor: number;
  currency: string;
  status: string;
  reference: string | null;
  created_at: number;
  approved_at: number | null;
  paid_at: number | null;
}

export interface PayoutPeriodsTable {
  org_id: string;
  period: string;
  closed_at: number;
  closed_by: string | null;
}

export interface LedgerEntriesTable {
  id: string;
  org_id: string;
  kos_id: string;
  kind: 'sale' | 'livestream_fee' | 'tier_adjustment' | 'bonus' | 'adjustment' | 'clawback';
  amount_minor: number;
  currency: string;
  status: 'pending' | 'approved' | 'paid' | 'void';
  eligible_at: number | null;
  line_id: string | null;
  session_id: string | null;
  payout_id: string | null;
  plan_id: string | null;
  base_minor: number | null;
  rate_bps: number | null;
  default_rate: number | null;
  /** When the entry's cause happened (line order time, session end, creation) — for analytics. */
  cause_at: number;
  reason: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface RecruitmentDrivesTable {
  id: string;
  org_id: string;
  name: string;
  slug: string;
  unit_id: string | null;
  relationships: string;
  categories: string;
  questions: string;
  criteria: string;
  open: number;
  closes_at: number | null;
  pass_score: number;
  created_at: number;
  updated_at: number;
}

export interface RecruitmentApplicationsTable {
  id: string;
  org_id: string;
  drive_id: string;
  name: string;
  phone: string;
  phone_key: string;
  email: string;
  email_key: string;
  province: string | null;
  relationship: string;
  accounts: string;
  categories: string;
  sales_minor: number | null;
  coverage: number | null;
  answers: string;
  assessments: string;
  score_tenths: number;
  status: string;
  kos_id: string | null;
  history: string;
  created_at: number;
  updated_at: number;
}

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
  imports: ImportsTable;
  rate_limits: RateLimitsTable;
  webhook_signatures: WebhookSignaturesTable;
  order_lines: OrderLinesTable;
  order_line_history: OrderLineHistoryTable;
  plans: PlansTable;
  payouts: PayoutsTable;
  payout_periods: PayoutPeriodsTable;
  ledger_entries: LedgerEntriesTable;
  livestreams: LivestreamsTable;
  livestream_products: LivestreamProductsTable;
  recruitment_drives: RecruitmentDrivesTable;
  recruitment_applications: RecruitmentApplicationsTable;
}
