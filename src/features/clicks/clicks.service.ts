import type { Db } from '../../db/database.js';
import { dayInZone } from '../../lib/time.js';
import * as repo from './clicks.repository.js';

export const linkClickCounts = repo.linkClickCounts;

/** A click recorded for the org, for attribution: its link, KOS and time. */
export async function findClick(db: Db, orgId: string, clickId: string) {
  const row = await repo.findClick(db, orgId, clickId);
  return (
    row && { clickId: row.click_id, linkId: row.link_id, kosId: row.kos_id, clickedAt: row.clicked_at, isBot: row.is_bot === 1 }
  );
}

/** Recomputes the org's daily link rollup from raw clicks (the rollup is derived data). */
export async function rebuildClickRollup(db: Db, orgId: string, timezone: string): Promise<{ clicks: number; days: number }> {
  const deltas = new Map<string, repo.DailyDelta>();
  let clicks = 0;
  for await (const rows of repo.streamOrgClicks(db, orgId)) {
    for (const row of rows) {
      clicks += 1;
      const day = dayInZone(row.clicked_at, timezone);
      const key = `${row.link_id}|${day}`;
      const delta = deltas.get(key) ?? {
        linkId: row.link_id,
        day,
        orgId,
        kosId: row.kos_id,
        clicks: 0,
        uniqueClicks: 0,
        bots: 0,
      };
      if (row.is_bot === 1) delta.bots += 1;
      else {
        delta.clicks += 1;
        if (row.is_unique === 1) delta.uniqueClicks += 1;
      }
      deltas.set(key, delta);
    }
  }
  await repo.replaceOrgRollup(db, orgId, [...deltas.values()]);
  return { clicks, days: deltas.size };
}

/** Recorded clicks of the org among these ids (exact match), for attributing a chunk of lines. */
export async function findClicks(
  db: Db,
  orgId: string,
  clickIds: string[],
): Promise<Map<string, { linkId: string; kosId: string; clickedAt: number }>> {
  const found = new Map<string, { linkId: string; kosId: string; clickedAt: number }>();
  const ids = [...new Set(clickIds.filter((id) => /^[A-Za-z0-9]{12}$/.test(id)))];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('clicks')
      .select(['click_id', 'link_id', 'kos_id', 'clicked_at'])
      .where('org_id', '=', orgId)
      .where('click_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.click_id, { linkId: r.link_id, kosId: r.kos_id, clickedAt: r.clicked_at });
  }
  return found;
}
