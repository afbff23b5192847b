import type { Db } from '../../db/database.js';
import { listeners } from '../../lib/listeners.js';

/**
 * "These KOS may have entered or left an audience" (created; tier, relationship, unit or status changed).
 * Features that react to it (training assigns courses, docs/training.md) register a listener at import, so
 * the kos feature never imports them (no feature circle, docs/architecture.md). Listeners run in order,
 * inside the caller's transaction when it passes one.
 */
const kosChangedListeners = listeners<[db: Db, orgId: string, kosIds: readonly string[]]>(
  (_db, _orgId, kosIds) => kosIds.length === 0,
);
export const onKosChanged = kosChangedListeners.on;
export const kosChanged = kosChangedListeners.emit;

/**
 * "A person set these KOS's tiers by hand" (a PATCH of `tier`): the tiers feature keeps each change in the
 * KOS's tier history with reason `manual` (docs/tiers.md "History"). Registered at import, like the above.
 */
export interface TierSetByHand {
  kosId: string;
  from: string | null;
  to: string | null;
}
const tierSetListeners = listeners<[db: Db, orgId: string, changes: readonly TierSetByHand[], at: number]>(
  (_db, _orgId, changes) => changes.length === 0,
);
export const onTierSetByHand = tierSetListeners.on;
export const tierSetByHand = tierSetListeners.emit;
