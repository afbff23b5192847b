import { describe, expect, test } from 'vitest';
import { MAPPED_FIELDS } from '../../src/features/import-mappings/import-mappings.js';
import { mappingCreate, mappingPatch } from '../../src/features/import-mappings/import-mappings.schema.js';
import { MAPPING_PRESETS } from '../../src/features/import-mappings/presets.js';
import { webModule } from './web-module.js';

/** The mapping builder's pure parts (web/src/components/mappings/mapping-draft.ts) against the server's own schemas. */
interface Draft {
  name: string;
  platform: string;
  format: 'csv' | 'xlsx';
  delimiter: string;
  headerRow: string;
  columns: Record<string, string>;
  statuses: Record<string, string>;
  amountUnit: 'major' | 'minor';
  decimalMark: '.' | ',';
  currency: string;
  timezone: string;
  dateFormat: string;
}
const m = await webModule<{
  CANONICAL_FIELDS: readonly string[];
  REQUIRED_FIELDS: readonly string[];
  emptyDraft(): Draft;
  draftOf(mapping: unknown, base: Draft): Draft;
  mappingBody(d: Draft): Record<string, unknown>;
  settingsBody(d: Draft): Record<string, unknown>;
  statusOf(statuses: Record<string, string>, raw: string): string | undefined;
  withStatus(statuses: Record<string, string>, raw: string, status: string): Record<string, string>;
  withSuggestions(
    columns: Record<string, string>,
    suggestions: Record<string, string>,
    headers: string[],
  ): Record<string, string>;
  formatOfFile(name: string): 'csv' | 'xlsx';
}>('components/mappings/mapping-draft.ts');

const dealer = (): Draft => ({
  ...m.emptyDraft(),
  name: 'dealer_sales',
  delimiter: ';',
  headerRow: '2',
  columns: { orderId: 'Mã đơn', status: 'Trạng thái', orderTime: 'Ngày đặt', grossMinor: 'Thành tiền', netMinor: 'Khách trả' },
  statuses: { 'Đã giao': 'completed' },
  decimalMark: ',',
  dateFormat: 'dd/MM/yyyy HH:mm',
});

describe('mapping draft', () => {
  test('offers every field the server maps, in its order, with the same required ones', () => {
    expect(m.CANONICAL_FIELDS).toEqual(MAPPED_FIELDS);
    expect([...m.REQUIRED_FIELDS].sort()).toEqual(['grossMinor', 'netMinor', 'orderId', 'orderTime', 'status']);
  });

  test('a filled draft is a mapping the server accepts; the org defaults are sent as null', () => {
    const body = m.mappingBody(dealer());
    const parsed = mappingCreate.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(body).toMatchObject({ delimiter: ';', headerRow: 2, decimalMark: ',', currency: null, timezone: null });
    // Minor units send no decimal mark (the server refuses one); an xlsx sends no delimiter.
    const minor = m.mappingBody({ ...dealer(), amountUnit: 'minor', format: 'xlsx' });
    expect(mappingCreate.safeParse(minor).success).toBe(true);
    expect(minor).not.toHaveProperty('decimalMark');
    expect(minor).not.toHaveProperty('delimiter');
  });

  test('the preview settings are a partial mapping the server accepts, even before any column is chosen', () => {
    expect(mappingPatch.safeParse(m.settingsBody(m.emptyDraft())).success).toBe(true);
    expect(mappingPatch.safeParse(m.settingsBody(dealer())).success).toBe(true);
  });

  test('a saved mapping reads back into the same draft', () => {
    const saved = { ...mappingCreate.parse(m.mappingBody(dealer())), id: 'x', used: false };
    expect(m.draftOf(saved, m.emptyDraft())).toEqual(dealer());
  });

  test.each(MAPPING_PRESETS.map((p) => [p.key, p] as const))('the preset %s, named, saves as it is', (_key, preset) => {
    const d = { ...m.draftOf({ ...preset.mapping, platform: preset.platform }, m.emptyDraft()), name: 'from_preset' };
    const parsed = mappingCreate.safeParse(m.mappingBody(d));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data).toMatchObject({ ...preset.mapping, delimiter: preset.mapping.delimiter ?? ',' });
  });

  test('status texts compare folded (tones, case, spaces), and a new choice replaces the folded twin', () => {
    expect(m.statusOf({ 'Đã giao': 'completed' }, 'ĐÃ  GIAO ')).toBe('completed');
    expect(m.statusOf({ 'Đã giao': 'completed' }, 'Đang giao')).toBeUndefined();
    expect(m.withStatus({ 'Đã Giao': 'pending', x: 'cancelled' }, 'đã giao', 'completed')).toEqual({
      x: 'cancelled',
      'đã giao': 'completed',
    });
    expect(m.withStatus({ 'Đã giao': 'completed' }, 'Đã giao', '')).toEqual({});
  });

  test('suggestions fill only the unmapped fields, and only with headers of the sample', () => {
    const filled = m.withSuggestions({ orderId: 'Mã đơn' }, { orderId: 'Mã', status: 'Trạng thái', sku: 'gone' }, [
      'Mã',
      'Mã đơn',
      'Trạng thái',
    ]);
    expect(filled).toEqual({ orderId: 'Mã đơn', status: 'Trạng thái' });
    expect(m.formatOfFile('Báo cáo.XLSX')).toBe('xlsx');
    expect(m.formatOfFile('report.csv')).toBe('csv');
  });
});
