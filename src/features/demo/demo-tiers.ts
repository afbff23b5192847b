import type { Db } from '../../db/database.js';
import type { Principal } from '../access/access.js';
import { recompute } from '../tiers/tiers.service.js';

/**
 * The demo's performance tiers (docs/tiers.md): once its sales exist, the tiers are recomputed for the
 * demo's date, so the roster, the scorecards and the tier history start from the demo's own figures.
 * Locked and non-active KOS keep the tiers the roster gave them.
 */
export async function addDemoTiers(db: Db, owner: Principal, now: number, log: (msg: string) => void): Promise<void> {
  const { date, changes } = await recompute(db, owner, undefined, now);
  log(`demo: tiers recomputed for ${date} (${changes.length} changed)`);
}
