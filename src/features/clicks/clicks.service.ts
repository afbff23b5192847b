import { type Db, inChunks } from '../../db/database.js';
import { dayInZone } from '../../lib/time.js';
import * as repo from './clicks.repository.js';
import { DailyRollup } from './daily-rollup.js';

/** Click counts (all non-bot, and unique) per link. */
export function linkClickCounts(db: Db, orgId: string, linkIds: string[]) {
  return repo.linkClickCounts(db, orgId, linkIds);
}

/** A click recorded for the org, for attribution: its link, KOS and time. */
export async function findClick(db: Db, orgId: string, clickId: string) {
  const row = await repo.findClick(db, orgId, clickId);
  return (
    row && { clickId: row.click_id, linkId: row.link_id, kosId: row.kos_id, clickedAt: row.clicked_at, isBot: row.is_bot === 1 }
  );
}

/** Recomputes the org's daily link rollup from raw clicks (the rollup is derived data). */
export async function rebuildClickRollup(db: Db, orgId: string, timezone: string): Promise<{ clicks: number; days: number }> {
  const rollup = new DailyRollup();
  let clicks = 0;
  for await (const rows of repo.streamOrgClicks(db, orgId)) {
    for (const row of rows) {
      clicks += 1;
      rollup.add({
        orgId,
        linkId: row.link_id,
        kosId: row.kos_id,
        day: dayInZone(row.clicked_at, timezone),
        isBot: row.is_bot === 1,
        isUnique: row.is_unique === 1,
      });
    }
  }
  await repo.replaceOrgRollup(db, orgId, rollup.deltas());
  return { clicks, days: rollup.days };
}

/** Recorded clicks of the org among these ids (exact match), for attributing a chunk of lines. */
export async function findClicks(
  db: Db,
  orgId: string,
  clickIds: string[],
): Promise<Map<string, { linkId: string; kosId: string; clickedAt: number }>> {
  const ids = [...new Set(clickIds.filter((id) => /^[A-Za-z0-9]{12}$/.test(id)))];
  const rows = await inChunks(ids, (slice) =>
    db
      .selectFrom('clicks')
      .select(['click_id', 'link_id', 'kos_id', 'clicked_at'])
      .where('org_id', '=', orgId)
      .where('click_id', 'in', slice)
      .execute(),
  );
  return new Map(rows.map((r) => [r.click_id, { linkId: r.link_id, kosId: r.kos_id, clickedAt: r.clicked_at }]));
}
