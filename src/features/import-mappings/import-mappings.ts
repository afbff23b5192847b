import type { Platform } from '../../lib/schemas.js';
import { foldText } from '../../lib/text.js';
import type { LineStatus } from '../orders/lines.js';
import type { AmountUnit, DecimalMark } from './amounts.js';

/**
 * A saved column mapping (docs/import-mappings.md): how one platform's report becomes canonical order lines.
 * Pure: the import pipeline (imports/parsers/mapped.ts) reads files with it; nothing here touches a file.
 */

/** The canonical fields a mapping may give a column (docs/formats.md, "The canonical line"). */
export const MAPPED_FIELDS = [
  'orderId',
  'lineKey',
  'status',
  'orderTime',
  'completedTime',
  'sku',
  'productName',
  'category',
  'quantity',
  'grossMinor',
  'netMinor',
  'refundMinor',
  'platformCommissionMinor',
  'currency',
  'kosCode',
  'clickId',
  'creator',
  'voucher',
  'contentType',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

export const REQUIRED_FIELDS = [
  'orderId',
  'status',
  'orderTime',
  'grossMinor',
  'netMinor',
] as const satisfies readonly MappedField[];

/**
 * Names a mapping may not take: the built-in sources (imports/import-types.ts `SOURCES`, checked equal by a
 * test) and `webhook`, since the name becomes the `source` of its lines.
 */
export const RESERVED_NAMES = ['shopee', 'tiktok_shop', 'tiktok_creator', 'lazada', 'accesstrade', 'generic', 'webhook'] as const;
export const MAPPING_NAME = /^[a-z0-9_]{3,40}$/;

export const MAPPING_FORMATS = ['csv', 'xlsx'] as const;
export const DEFAULT_DATE_FORMAT = 'yyyy-MM-dd HH:mm:ss';

/** The mapping as stored and used (everything but its id, name and times). */
export interface MappingSpec {
  platform: Platform;
  format: (typeof MAPPING_FORMATS)[number];
  delimiter: string | null;
  headerRow: number;
  columns: Partial<Record<MappedField, string>>;
  statuses: Record<string, LineStatus>;
  amountUnit: AmountUnit;
  decimalMark: DecimalMark | null;
  currency: string | null;
  timezone: string | null;
  dateFormat: string;
}

/**
 * A status text as compared (docs/import-mappings.md, `statuses`): NFKC first (full-width Latin and digits
 * become ASCII), then folded like every status (case, accents and tones ignored, white space collapsed).
 */
export const foldStatus = (text: string): string => foldText(text.normalize('NFKC'));

/** The mapping's statuses as a folded lookup table. */
export function statusLookup(statuses: Readonly<Record<string, LineStatus>>): Map<string, LineStatus> {
  const table = new Map<string, LineStatus>();
  for (const [text, status] of Object.entries(statuses)) table.set(foldStatus(text), status);
  return table;
}
