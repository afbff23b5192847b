import { z } from 'zod';
import { keyed } from '../../lib/zod-problems.js';
import { SOURCES } from './import-types.js';

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** A rejected row; `key` and `params` (docs/errors.md) are absent only in reports stored before they existed. */
export const rowErrorOut = z.object({
  row: z.number().int(),
  field: z.string().optional(),
  message: z.string(),
  key: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});
/** The built-in report sources (a file's layout known to the code). */
export const builtinSource = z.enum(SOURCES);

/** A built-in source, `webhook`, or a saved mapping's name (docs/import-mappings.md): any `[a-z0-9_]{3,40}`. */
const importSource = z
  .string()
  .regex(
    /^[a-z0-9_]{3,40}$/,
    keyed('field.format', 'must be a source name such as shopee, webhook or a mapping name', { format: '[a-z0-9_]{3,40}' }),
  );

export const importOut = z.object({
  id: z.string(),
  source: importSource,
  fileName: z.string().nullable(),
  status: z.enum(IMPORT_STATUSES),
  /** Why a failed import stopped (a file error, a server stop); present only when `failed`. */
  failedReason: z.string().optional(),
  /**
   * The failure's problem key (docs/errors.md: `import.file.missing_columns`, `import.failed.stopped_during`…)
   * and its params, for a client that words it itself; absent for imports failed before keys were stored.
   */
  failedKey: z.string().optional(),
  failedParams: z.record(z.string(), z.unknown()).optional(),
  /** Data rows handled so far (committed with their lines); `rows` once done. */
  rowsDone: z.number().int(),
  /** Data rows in the file (0 until counted) = inserted + updated + unchanged + rejected + skipped once done. */
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(rowErrorOut),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportReport = z.infer<typeof importOut>;
export type RowErrorOut = z.infer<typeof rowErrorOut>;
export const importAccepted = importOut.pick({ id: true, status: true });

/** Row errors kept per import: the first 1 000 (the `rejected` count is always complete). */
export const MAX_STORED_ERRORS = 1000;
