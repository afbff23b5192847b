import { readFile } from 'node:fs/promises';
import { normaliseHeader } from '../fields.js';
import { FileError } from '../import-types.js';
import type { Table, TableRow } from './table.js';

/** The records array of a report: a bare array, `{result:{data:[…]}}` (Lazada) or `{data:[…]}` (AccessTrade). */
function recordsOf(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  const o = document as { result?: { data?: unknown }; data?: unknown } | null;
  if (Array.isArray(o?.result?.data)) return o.result.data as unknown[];
  if (Array.isArray(o?.data)) return o.data as unknown[];
  throw new FileError('the JSON holds no records: expected an array, {"data":[…]} or {"result":{"data":[…]}}');
}

const cell = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/** A JSON report (read whole: API pages are small). Row numbers are 1-based record indexes. */
export async function jsonTable(path: string): Promise<Table> {
  let document: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'the file is not UTF-8 text';
    throw new FileError(`malformed JSON: ${detail}`);
  }
  const records = recordsOf(document);
  const columns = new Map<string, string | null>();
  for (const record of records.slice(0, 1000)) {
    if (record && typeof record === 'object') for (const key of Object.keys(record)) columns.set(normaliseHeader(key).key, null);
  }
  return {
    kind: 'json',
    columns,
    async *rows(): AsyncGenerator<TableRow> {
      for (const [i, record] of records.entries()) {
        const raw = record && typeof record === 'object' && !Array.isArray(record) ? (record as Record<string, unknown>) : {};
        const cells = new Map<string, string>();
        for (const [key, value] of Object.entries(raw)) {
          const text = cell(value);
          if (text !== undefined && text !== '') cells.set(normaliseHeader(key).key, text);
        }
        yield { row: i + 1, cells, raw };
      }
    },
  };
}
