/** Tables of the analytics rollups (docs/rollups.md, migrations 0018 and 0019). */

/** What a day cell and a month cell sum. */
interface CellSums {
  lines: number;
  quantity: number;
  gmv_minor: number;
  net_minor: number;
  refund_minor: number;
  unpaid_lines: number;
  pending_lines: number;
  completed_lines: number;
  cancelled_lines: number;
  returned_lines: number;
  /** Counts of the orders whose lines all lie in this cell ("whole orders"). */
  orders: number;
  cancelled_orders: number;
  returned_orders: number;
  settled_orders: number;
  new_buyers: number;
}

/** The facts of an order spanning several cells (day or month), over its lines in one cell. */
interface OrderPartFacts {
  order_id: string;
  paid: number;
  all_cancelled: number;
  any_returned: number;
  any_kept: number;
  any_settled: number;
  new_buyer: number;
  /** The order's lines in this cell, and over all its lines (migration 0019): a month build sums the first. */
  lines: number;
  order_lines: number;
}

/** Sums of one cell: org × local day (days since 1970-01-01 in the org's zone) × KOS × link × platform × SKU × source. */
export interface RollupDaysTable extends CellSums {
  /** 0: the cell as above; 1: link and SKU left out (null), one cell per KOS × platform × source × day. */
  grain: number;
  org_id: string;
  day: number;
  kos_id: string | null;
  link_id: string | null;
  platform: string;
  sku: string | null;
  source: string;
}

/** The facts of an order spanning several cells, over its lines in one cell. */
export interface RollupOrderPartsTable extends OrderPartFacts {
  grain: number;
  org_id: string;
  day: number;
  kos_id: string | null;
  link_id: string | null;
  platform: string;
  sku: string | null;
  source: string;
}

/** A mark: a UTC day (days since 1970-01-01) of an org whose order lines changed since its rollup was refreshed. */
export interface RollupDirtyTable {
  id: string;
  org_id: string;
  utc_day: number;
}

/** An org whose rollup was built, and the time zone its days are in. */
export interface RollupStateTable {
  org_id: string;
  timezone: string;
  built_at: number;
}

/** Sums of a month cell (migration 0019): grain 1 per KOS × platform × source, grain 0 per platform × SKU × source. */
export interface RollupMonthsTable extends CellSums {
  grain: number;
  org_id: string;
  /** The month's first local day (days since 1970-01-01 in the org's zone). */
  month: number;
  kos_id: string | null;
  platform: string;
  sku: string | null;
  source: string;
}

/** The facts of an order spanning several month cells, over its lines in one. */
export interface RollupMonthPartsTable extends OrderPartFacts {
  grain: number;
  org_id: string;
  month: number;
  kos_id: string | null;
  platform: string;
  sku: string | null;
  source: string;
}

/** A month whose cells of a grain were built from its current day cells (deleted when any of its days is refreshed). */
export interface RollupMonthStateTable {
  org_id: string;
  month: number;
  grain: number;
  built_at: number;
}
