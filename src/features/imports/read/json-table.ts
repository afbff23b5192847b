import { readFile } from 'node:fs/promises';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from '../../../lib/json-depth.js';
import { problem } from '../../../lib/problems/problem.js';
import { storableMessage } from '../../../lib/storable-text.js';
import { isEmptyCell, normaliseHeader } from '../fields.js';
import { FileError } from '../import-types.js';
import type { Table, TableRow } from './table.js';

/** The records array of a report: a bare array, `{result:{data:[…]}}` (Lazada) or `{data:[…]}` (AccessTrade). */
function recordsOf(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  const o = document as { result?: { data?: unknown }; data?: unknown } | null;
  if (Array.isArray(o?.result?.data)) return o.result.data as unknown[];
  if (Array.isArray(o?.data)) return o.data as unknown[];
  throw new FileError(
    problem('import.file.json_no_records'),
    'the JSON holds no records: expected an array, {"data":[…]} or {"result":{"data":[…]}}',
  );
}

const cell = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/** A JSON report (read whole: API pages are small). Row numbers are 1-based record indexes. */
export async function jsonTable(path: string): Promise<Table> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path)).replace(/^\uFEFF/, '');
  } catch {
    throw new FileError(problem('import.file.json_not_utf8'), 'malformed JSON: the file is not UTF-8 text');
  }
  // Before parsing: a `[[[[…]]]]` bomb would parse, then overflow the stack where a cell is stringified.
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH))
    throw new FileError(
      problem('import.file.json_too_deep', { maxDepth: MAX_JSON_DEPTH }),
      `the JSON is nested deeper than ${MAX_JSON_DEPTH} levels`,
    );
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    // V8 quotes the text near the error, which may hold a NUL: the reason is stored with the import.
    const reason = storableMessage((error as SyntaxError).message);
    throw new FileError(problem('import.file.json_malformed', { reason }), `malformed JSON: ${reason}`);
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
          // NUL padding alone is no value; a NUL inside a value is for the field rules (fields.ts).
          if (text !== undefined && !isEmptyCell(text)) cells.set(normaliseHeader(key).key, text);
        }
        yield { row: i + 1, cells, raw };
      }
    },
  };
}
