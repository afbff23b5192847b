/**
 * The mapping builder's draft (docs/import-mappings.md): every control's value as the form holds it,
 * and the body `POST`/`PATCH /import-mappings` and the preview take. Pure, for the builder and tests.
 */

import type { MappedField } from '../../data/import-mappings-types';

/** The canonical fields of an order line a column can feed, in the builder's order (API.md "Canonical order line"). */
export const CANONICAL_FIELDS = [
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
] as const satisfies readonly MappedField[];
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];
/** The fields a mapping must name a column for. */
export const REQUIRED_FIELDS: readonly CanonicalField[] = ['orderId', 'status', 'orderTime', 'grossMinor', 'netMinor'];

export const MAPPING_NAME = /^[a-z0-9_]{3,40}$/;
export const AMOUNT_UNITS = ['major', 'minor'] as const;
export const DECIMAL_MARKS = ['.', ','] as const;
/** The delimiters offered besides the default comma (`''`). */
export const DELIMITERS = [';', '\t', '|'] as const;

export interface MappingDraft {
  name: string;
  platform: string;
  format: 'csv' | 'xlsx';
  /** `''`: the default, a comma. */
  delimiter: string;
  headerRow: string;
  columns: Partial<Record<CanonicalField, string>>;
  /** Raw status text → canonical status. */
  statuses: Record<string, string>;
  amountUnit: (typeof AMOUNT_UNITS)[number];
  decimalMark: (typeof DECIMAL_MARKS)[number];
  /** `''`: the org's (saved as null, so it follows the org). */
  currency: string;
  /** `''`: the org's. */
  timezone: string;
  dateFormat: string;
}

/** The parts of a saved mapping (or a preset) the draft reads. */
export interface MappingLike {
  name?: string;
  platform: string;
  format: 'csv' | 'xlsx';
  delimiter?: string | null;
  headerRow?: number;
  columns: Partial<Record<string, string>>;
  statuses: Record<string, string>;
  amountUnit: 'major' | 'minor';
  decimalMark?: string | null;
  currency?: string | null;
  timezone?: string | null;
  dateFormat: string;
}

export const emptyDraft = (): MappingDraft => ({
  name: '',
  platform: 'other',
  format: 'csv',
  delimiter: '',
  headerRow: '1',
  columns: {},
  statuses: {},
  amountUnit: 'major',
  decimalMark: '.',
  currency: '',
  timezone: '',
  dateFormat: 'yyyy-MM-dd HH:mm:ss',
});

const isField = (k: string): k is CanonicalField => (CANONICAL_FIELDS as readonly string[]).includes(k);

/** The draft of a saved mapping or a preset (a preset has no name: the one typed so far stays). */
export function draftOf(m: MappingLike, base: MappingDraft): MappingDraft {
  const columns: MappingDraft['columns'] = {};
  for (const [k, v] of Object.entries(m.columns)) if (isField(k) && v) columns[k] = v;
  return {
    name: m.name ?? base.name,
    platform: m.platform,
    format: m.format,
    delimiter: m.delimiter === ',' ? '' : (m.delimiter ?? ''),
    headerRow: String(m.headerRow ?? 1),
    columns,
    statuses: { ...m.statuses },
    amountUnit: m.amountUnit,
    decimalMark: m.decimalMark === ',' ? ',' : '.',
    currency: m.currency ?? '',
    timezone: m.timezone ?? '',
    dateFormat: m.dateFormat,
  };
}

/** The format a file's name says (`.xlsx` → xlsx, else csv). */
export const formatOfFile = (name: string): MappingDraft['format'] => (/\.xlsx$/i.test(name) ? 'xlsx' : 'csv');

/** The mapping's settings without its name and platform: what the preview parses with. */
export function settingsBody(d: MappingDraft): Record<string, unknown> {
  const headerRow = Number(d.headerRow);
  return {
    format: d.format,
    ...(d.format === 'csv' ? { delimiter: d.delimiter || ',' } : {}),
    // A row number being typed ('' or 0) is sent as typed so the server names the field.
    headerRow: d.headerRow.trim() === '' ? undefined : Number.isFinite(headerRow) ? headerRow : d.headerRow,
    columns: Object.fromEntries(Object.entries(d.columns).filter(([, v]) => v)),
    statuses: d.statuses,
    amountUnit: d.amountUnit,
    ...(d.amountUnit === 'major' ? { decimalMark: d.decimalMark } : {}),
    currency: d.currency.trim().toUpperCase() || null,
    timezone: d.timezone || null,
    dateFormat: d.dateFormat,
  };
}

/** `POST`/`PATCH /import-mappings`. */
export const mappingBody = (d: MappingDraft): Record<string, unknown> => ({
  name: d.name.trim(),
  platform: d.platform,
  ...settingsBody(d),
});

/** Status texts compared as the server compares them (docs/import-mappings.md): NFKC, tones, case and spaces folded. */
export const foldText = (s: string): string =>
  s
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** The canonical status the draft maps `raw` to, if any (compared folded). */
export function statusOf(statuses: Record<string, string>, raw: string): string | undefined {
  const folded = foldText(raw);
  for (const [k, v] of Object.entries(statuses)) if (foldText(k) === folded) return v;
  return undefined;
}

/** `statuses` with `raw` mapped to `status` (`''` removes it), replacing any key that folds the same. */
export function withStatus(statuses: Record<string, string>, raw: string, status: string): Record<string, string> {
  const folded = foldText(raw);
  const out = Object.fromEntries(Object.entries(statuses).filter(([k]) => foldText(k) !== folded));
  if (status) out[raw] = status;
  return out;
}

/** Suggested columns for the fields the draft leaves empty (a field already chosen keeps its column). */
export function withSuggestions(
  columns: MappingDraft['columns'],
  suggestions: Partial<Record<string, string>>,
  headers: readonly string[],
): MappingDraft['columns'] {
  const out = { ...columns };
  for (const [k, v] of Object.entries(suggestions)) if (isField(k) && v && !out[k] && headers.includes(v)) out[k] = v;
  return out;
}
