import { problem } from '../../../lib/problems/problem.js';
import type { CanonicalLine } from '../../orders/lines.js';
import { type ParseContext, type ParsedRow, RowProblem, type Source } from '../import-types.js';
import type { Table, TableRow } from '../read/table.js';

/**
 * A platform report format: `prepare` checks the table's columns (a FileError names the missing ones)
 * and returns the mapper of one data row.
 */
export interface ReportParser {
  /** A built-in source, or the name of the org's saved mapping (parsers/mapped.ts). */
  source: Source | string;
  prepare(table: Table, ctx: ParseContext): (row: TableRow) => ParsedRow;
}

/** Wraps a row mapping so a RowProblem becomes that row's error (naming the field) instead of a throw. */
export function rowMapper(map: (row: TableRow) => CanonicalLine | { skip: string }): (row: TableRow) => ParsedRow {
  return (row) => {
    try {
      const result = map(row);
      return 'skip' in result ? { row: row.row, skip: result.skip } : { row: row.row, line: result };
    } catch (error) {
      if (error instanceof RowProblem) return { row: row.row, error: error.toRowError() };
      throw error;
    }
  };
}

/** The first present cell among header keys (Vietnamese and English variants). */
export const cellOf = (row: TableRow, keys: readonly string[]): string | undefined => {
  for (const key of keys) {
    const value = row.cells.get(key);
    if (value !== undefined) return value;
  }
  return undefined;
};

/** Refuses a line whose currency is not the org's (no silent conversion). */
export function requireOrgCurrency(currency: string, ctx: ParseContext, field = 'currency'): string {
  const code = currency.trim().toUpperCase();
  if (code !== ctx.currency)
    throw new RowProblem(
      field,
      code
        ? problem('import.cell.currency_mismatch', { currency: code, orgCurrency: ctx.currency })
        : problem('import.cell.currency_missing', { orgCurrency: ctx.currency }),
      `currency ${code || '(empty)'} differs from the organisation's ${ctx.currency}`,
    );
  return code;
}
