import type { Db } from '../../db/database.js';
import { toIso } from '../../lib/schemas.js';
import { type Principal, systemPrincipal } from '../access/access.js';
import { getLivestreamMetrics, getLivestreamOrThrow } from '../livestreams/livestreams.service.js';
import type { LiveSource } from './live-hub.js';
import { fingerprintKey, type Tick } from './live-room.js';
import * as repo from './live-room.repository.js';

/**
 * Who may watch a session (docs/live-room.md, "Access"): staff whose scope holds the session's KOS and the
 * KOS's own member — the same rule as reading the session (404 unknown, 403 out of scope).
 */
export async function openLiveRoom(
  db: Db,
  principal: Principal,
  sessionId: string,
): Promise<{ orgId: string; sessionId: string }> {
  const session = await getLivestreamOrThrow(db, principal, sessionId);
  return { orgId: principal.orgId, sessionId: session.id };
}

/**
 * A session's tick (docs/live-room.md, "What a tick holds"): GMV and orders exactly as the session's
 * metrics count them, the tied lines, the stats and the products' stock. Computed once per change for
 * every viewer, so it reads as the system, not as a viewer.
 */
export async function liveTick(db: Db, orgId: string, sessionId: string): Promise<Tick> {
  const system = systemPrincipal(orgId);
  const session = await getLivestreamOrThrow(db, system, sessionId);
  const { gmvMinor, orders } = await getLivestreamMetrics(db, system, sessionId);
  const tied = await repo.tiedLines(db, orgId, sessionId);
  const stock = await repo.stockOf(db, orgId, session.productIds);
  return {
    gmvMinor,
    orders,
    lines: tied.lines,
    lastOrderAt: tied.lastOrderTime === null ? null : toIso(tied.lastOrderTime),
    stats: session.stats,
    stock: Object.fromEntries(session.productIds.map((id) => [id, stock.get(id) ?? null])),
  };
}

/** The hub's reads on one database. */
export const liveSource = (db: Db): LiveSource => ({
  fingerprint: async (orgId, sessionId) => {
    const row = await repo.fingerprint(db, orgId, sessionId);
    return row && fingerprintKey(row);
  },
  tick: (orgId, sessionId) => liveTick(db, orgId, sessionId),
});
