import type { Db } from '../../db/database.js';

/**
 * "These KOS may have entered or left an audience" (created; tier, relationship, unit or status changed).
 * Features that react to it (training assigns courses, docs/training.md) register a listener at import, so
 * the kos feature never imports them (no feature circle, docs/architecture.md). Listeners run in order,
 * inside the caller's transaction when it passes one.
 */
export type KosChangeListener = (db: Db, orgId: string, kosIds: readonly string[]) => Promise<void>;

const listeners = new Set<KosChangeListener>();

export function onKosChanged(listener: KosChangeListener): void {
  listeners.add(listener);
}

export async function kosChanged(db: Db, orgId: string, kosIds: readonly string[]): Promise<void> {
  if (kosIds.length === 0) return;
  for (const listener of listeners) await listener(db, orgId, kosIds);
}

/**
 * "A person set these KOS's tiers by hand" (a PATCH of `tier`): the tiers feature keeps each change in the
 * KOS's tier history with reason `manual` (docs/tiers.md "History"). Registered at import, like the above.
 */
export interface TierSetByHand {
  kosId: string;
  from: string | null;
  to: string | null;
}
export type TierSetListener = (db: Db, orgId: string, changes: readonly TierSetByHand[], at: number) => Promise<void>;

const tierListeners = new Set<TierSetListener>();

export function onTierSetByHand(listener: TierSetListener): void {
  tierListeners.add(listener);
}

export async function tierSetByHand(db: Db, orgId: string, changes: readonly TierSetByHand[], at: number): Promise<void> {
  if (changes.length === 0) return;
  for (const listener of tierListeners) await listener(db, orgId, changes, at);
}
