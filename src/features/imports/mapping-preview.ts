import type { Db } from '../../db/database.js';
import { fieldError, invalidFields } from '../../lib/errors.js';
import { problem } from '../../lib/problems/problem.js';
import { issueProblem } from '../../lib/zod-problems.js';
import type { Principal } from '../access/access.js';
import { ADMINS, requireRole } from '../access/access.js';
import { DEFAULT_DATE_FORMAT, MAPPED_FIELDS, type MappingSpec } from '../import-mappings/import-mappings.js';
import { type MappingPreview, mappingPatch } from '../import-mappings/import-mappings.schema.js';
import { suggestColumns } from '../import-mappings/suggestions.js';
import type { CanonicalLine } from '../orders/lines.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { normaliseHeader } from './fields.js';
import { FileError, type ParseContext } from './import-types.js';
import { mapRowWithMapping, prepareMapping } from './parsers/mapped.js';
import { openTable } from './read/table.js';

/**
 * The preview of a file through a mapping being built (docs/import-mappings.md, "Preview"): headers, the
 * first data rows raw and parsed, the status texts to map, and guessed columns. Stores nothing.
 */
const PREVIEW_ROWS = 20;
const STATUS_TEXTS = 50;
/** Status texts are gathered from this many data rows at most: a preview runs on the serving thread. */
const SCAN_ROWS = 20_000;

/** The `mapping` form field: JSON of the mapping's fields, all optional; a problem names `mapping.<field>`. */
export function parsePreviewMapping(text: unknown) {
  if (text === undefined || text === null || text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(String(text));
  } catch {
    throw invalidFields([fieldError('mapping', problem('import_mapping.preview.not_json'), 'must be the mapping as JSON text')]);
  }
  const { name: _name, ...rest } = (typeof value === 'object' && value !== null ? value : { value }) as Record<string, unknown>;
  const parsed = mappingPatch.safeParse(rest, { reportInput: true });
  if (!parsed.success)
    throw invalidFields(
      parsed.error.issues.map((issue) =>
        fieldError(['mapping', ...issue.path.map(String)].join('.'), issueProblem(issue), issue.message),
      ),
    );
  return parsed.data;
}

const lineOut = (line: CanonicalLine, refs: { kosCode: string | null; clickId: string | null }): Record<string, unknown> => {
  const { subIds: _subIds, newBuyer: _newBuyer, ...rest } = line;
  return {
    ...rest,
    ...refs,
    orderTime: new Date(line.orderTime).toISOString(),
    completedTime: line.completedTime === null ? null : new Date(line.completedTime).toISOString(),
  };
};

export async function previewMapping(db: Db, principal: Principal, path: string, mappingText: unknown): Promise<MappingPreview> {
  requireRole(principal, ADMINS);
  const input = parsePreviewMapping(mappingText);
  const org = await getOrgOrThrow(db, principal.orgId);
  const table = await openTable(path, { headerRow: input.headerRow, delimiter: input.delimiter ?? undefined });
  if (table.kind === 'json')
    throw new FileError(
      problem('import_mapping.file.format', { actual: 'json', expected: input.format ?? 'csv' }),
      `the file is json, but the mapping reads ${input.format ?? 'csv or xlsx'}`,
    );
  const headers = table.headers ?? [];
  const headerOf = new Map<string, string>();
  for (const header of headers) {
    const { key } = normaliseHeader(header);
    if (key && !headerOf.has(key)) headerOf.set(key, header);
  }
  const columns = input.columns ?? {};
  const suggested = suggestColumns(
    headers,
    MAPPED_FIELDS.filter((f) => !columns[f]),
  );
  const spec: MappingSpec = {
    platform: input.platform ?? 'other',
    format: table.kind,
    delimiter: input.delimiter ?? null,
    headerRow: input.headerRow ?? 1,
    columns,
    statuses: input.statuses ?? {},
    amountUnit: input.amountUnit ?? 'major',
    decimalMark: input.decimalMark ?? '.',
    currency: input.currency ?? null,
    timezone: input.timezone ?? null,
    dateFormat: input.dateFormat ?? DEFAULT_DATE_FORMAT,
  };
  const ctx: ParseContext = { currency: org.currency, timezone: org.timezone, skuForShopeeItem: () => undefined };
  const mapping = prepareMapping(spec, ctx);
  const statusHeader = columns.status ?? suggested.status;
  const statusKey = statusHeader === undefined ? undefined : normaliseHeader(statusHeader).key;
  const rows: MappingPreview['rows'] = [];
  const statusTexts = new Set<string>();
  let scanned = 0;
  for await (const row of table.rows()) {
    if (++scanned > SCAN_ROWS) break;
    if (rows.length < PREVIEW_ROWS) {
      const cells: Record<string, string> = {};
      for (const [key, value] of row.cells) cells[headerOf.get(key) ?? key] = value;
      const { line, errors, refs } = mapRowWithMapping(mapping, row, ctx);
      rows.push({
        row: row.row,
        cells,
        parsed: line && refs ? lineOut(line, refs) : null,
        errors: errors.map((e) => ({ ...e })),
      });
    }
    const text = statusKey === undefined ? '' : (row.cells.get(statusKey) ?? '').trim();
    if (text && statusTexts.size < STATUS_TEXTS) statusTexts.add(text.slice(0, 100));
    if (rows.length >= PREVIEW_ROWS && (statusKey === undefined || statusTexts.size >= STATUS_TEXTS)) break;
  }
  return {
    format: table.kind,
    headers,
    rows,
    statusTexts: [...statusTexts],
    suggestions: { columns: suggested },
  };
}
