import { z } from 'zod';
import { keyed } from './zod-problems.js';

/** `?limit=` (default 50, max 500) and an opaque URL-safe `?cursor=`. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, keyed('field.cursor', 'must be a cursor from a previous page'))
    .optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** A page of a list: `{ items, nextCursor }` (null on the last page). The console reads this type too. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const pageSchema = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
