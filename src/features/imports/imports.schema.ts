import { z } from 'zod';
import { SOURCES } from './import-types.js';

export const rowErrorOut = z.object({ row: z.number().int(), field: z.string().optional(), message: z.string() });
export const importOut = z.object({
  id: z.string(),
  source: z.enum([...SOURCES, 'webhook']),
  fileName: z.string().nullable(),
  status: z.enum(['running', 'done']),
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

/** Row errors kept per import: the first 1 000 (the `rejected` count is always complete). */
export const MAX_STORED_ERRORS = 1000;
