import type { Page } from './page.schema.js';

export { type Page, type PageQuery, pageQuery, pageSchema } from './page.schema.js';

/** The id after which the next page starts, or undefined for the first page. */
export function cursorAfter(cursor: string | undefined): string | undefined {
  return cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : undefined;
}

/**
 * Cuts a page from `limit + 1` rows fetched in id order: the extra row only says that there is more.
 */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? Buffer.from(last.id, 'utf8').toString('base64url') : null,
  };
}
