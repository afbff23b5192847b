/** Response shapes of /api/v1 the console reads (see shared/API.md); only the fields it uses. */
export type Locale = 'vi' | 'zh-CN' | 'en';

export const RELATIONSHIPS = ['employee', 'store_staff', 'dealer_staff', 'agent', 'independent'] as const;
export const KOS_STATUSES = ['candidate', 'onboarding', 'active', 'paused', 'offboarded'] as const;
export const TIERS = ['S', 'A', 'B', 'C'] as const;
export const UNIT_KINDS = ['hq', 'region', 'dealer', 'store', 'team', 'business_line'] as const;

export type Relationship = (typeof RELATIONSHIPS)[number];
export type KosStatus = (typeof KOS_STATUSES)[number];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Org {
  id: string;
  name: string;
  slug: string;
  currency: string;
  timezone: string;
  locale: string;
}

export interface Me {
  role: 'owner' | 'admin' | 'manager' | 'kos' | 'viewer';
  orgId: string;
  unitId: string | null;
  kosId: string | null;
  member: { id: string; email: string; name: string | null } | null;
  org: Org;
}

export interface Kos {
  id: string;
  code: string;
  handle: string;
  name: string;
  relationship: Relationship;
  unitId: string | null;
  status: KosStatus;
  tier: string | null;
}

export interface PlatformAccount {
  id: string;
  platform: string;
  handle: string;
  url: string | null;
  followers: number;
  followerTier?: string | null;
}

export interface Unit {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
}

export interface Product {
  id: string;
  sku: string;
  name: string;
  category: string | null;
  priceMinor: number;
  currency?: string;
  usp: string | null;
}

/** `GET /analytics/summary`; rates are fractions or null (no denominator). */
export interface Metrics {
  clicks: number | null;
  orders: number;
  gmvMinor: number;
  netSalesMinor: number;
  aovMinor: number | null;
  conversionRate: number | null;
  cancelRate: number | null;
  returnRate: number | null;
  newBuyers: number;
  commissionMinor: number;
  roi: number | null;
  currency: string;
}

export interface LeaderboardRow {
  rank: number;
  kosId: string;
  name: string;
  value: number;
}

export const IMPORT_SOURCES = ['shopee', 'tiktok_shop', 'lazada', 'accesstrade', 'generic'] as const;

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Whether an import is still waiting or running (its report is not final yet). */
export const isImportActive = (status: ImportStatus): boolean => status === 'queued' || status === 'running';

/** `GET /imports/{id}`: `rows` is 0 until the file is counted, `rowsDone` the rows handled so far. */
export interface ImportReport {
  id: string;
  source: string;
  fileName: string | null;
  status: ImportStatus;
  /** Why a failed import stopped; only when `failed` (its `rowsDone` rows may still be committed). */
  failedReason?: string;
  rowsDone: number;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  errors: { row: number; field?: string; message: string }[];
  createdAt: string;
  finishedAt: string | null;
}

/** `POST /imports` with `Prefer: respond-async` (202). */
export type ImportAccepted = Pick<ImportReport, 'id' | 'status'>;

export const PAYOUT_STATUSES = ['draft', 'approved', 'paid'] as const;

export interface Payout {
  id: string;
  kosId: string;
  period: string;
  grossMinor: number;
  withheldMinor: number;
  netMinor: number;
  currency: string;
  status: (typeof PAYOUT_STATUSES)[number];
  reference: string | null;
}
