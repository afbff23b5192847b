import type { Db } from '../../db/database.js';

/**
 * "These sessions, or the lines tied to them, changed and committed in this process" (a PATCH of a
 * session, a manual assignment). The live room listens, to read them at once instead of at its next poll
 * (docs/live-room.md); it registers itself, so neither livestreams nor orders import it (no feature circle,
 * docs/architecture.md). Changes made in other processes or the jobs thread are found by the live room's
 * poll. Listeners must be cheap and must not throw: they run after the caller's commit.
 */
export type SessionChangeListener = (sessionIds: readonly string[]) => void;

const listeners = new Set<SessionChangeListener>();

/** Registers a listener; returns its removal (an app that closes removes its own). */
export function onSessionChanged(listener: SessionChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Tells the listeners, once `db` has committed: inside a caller's transaction (`db.isTransaction`) nothing
 * is told, since nothing is committed yet; the poll finds that change after the outer commit.
 */
export function sessionChanged(db: Db, sessionIds: readonly (string | null)[]): void {
  if (db.isTransaction) return;
  const ids = [...new Set(sessionIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return;
  for (const listener of listeners) {
    try {
      listener(ids);
    } catch {
      // A listener's failure must not fail the committed change; the poll still finds it.
    }
  }
}
