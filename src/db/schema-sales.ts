/** Row types of sales and money: order lines and their history, livestreams, plans, payouts, the ledger (see schema.ts). */

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
  /** A hash of the canonical fields (lineFingerprint, migration 0021); null on lines stored before it. */
  fingerprint: string | null;
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

/** A session's run-sheet (docs/run-sheets.md): `segments` JSON text, the stock warning never stored. */
export interface RunSheetsTable {
  session_id: string;
  org_id: string;
  segments: string;
  drafted_at: number;
  updated_by: string | null;
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

/** A saved column mapping (0014-import-mappings, docs/import-mappings.md); `spec` is the mapping as JSON text. */
export interface ImportMappingsTable {
  id: string;
  org_id: string;
  name: string;
  platform: string;
  spec: string;
  created_at: number;
  updated_at: number;
}
