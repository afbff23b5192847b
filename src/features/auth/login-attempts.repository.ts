import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AttemptWindows } from '../../lib/rate-limiter.js';

/**
 * Attempt windows in the `rate_limits` table, so every process behind a load balancer on PostgreSQL
 * counts the same sign-in attempts. One upsert per attempt: a window older than `windowMs` starts over.
 */
export function databaseWindows(db: Db, windowMs: number, now: () => number = Date.now): AttemptWindows {
  let calls = 0;
  return {
    async take(key) {
      const at = now();
      const expired = at - windowMs;
      const row = await sql<{ count: number }>`
        insert into rate_limits (key, window_start, count) values (${key}, ${at}, 1)
        on conflict (key) do update set
          count = case when rate_limits.window_start <= ${expired} then 1 else rate_limits.count + 1 end,
          window_start = case when rate_limits.window_start <= ${expired} then ${at} else rate_limits.window_start end
        returning count`.execute(db);
      // Now and then, forget windows that ended long ago (the table stays the size of recent activity).
      if (++calls % 500 === 0)
        await db
          .deleteFrom('rate_limits')
          .where('window_start', '<', at - 4 * windowMs)
          .execute();
      return Number(row.rows[0]?.count ?? 1);
    },
    async untake(key) {
      await db.updateTable('rate_limits').set({ count: sql`count - 1` }).where('key', '=', key).where('count', '>', 0).execute();
    },
    async reset(key) {
      await db.deleteFrom('rate_limits').where('key', '=', key).execute();
    },
  };
}
