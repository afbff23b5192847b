import type { Livestream } from '../../types';

/** How long before its scheduled start a session's live room is offered (the KOS gets ready in it). */
export const LIVE_ROOM_LEAD_MS = 60 * 60_000;

/** A session still to come or running: live, or scheduled and not yet past its scheduled end. */
export const isCurrent = (s: Livestream, now: number): boolean =>
  s.status === 'live' || (s.status === 'scheduled' && Date.parse(s.scheduledEnd) > now);

/** The live room link shows while the session is live, or scheduled to start within the hour (and not over); docs/portal-console.md. */
export const liveRoomOpen = (s: Livestream, now: number): boolean =>
  s.status === 'live' ||
  (s.status === 'scheduled' && Date.parse(s.scheduledStart) - now <= LIVE_ROOM_LEAD_MS && Date.parse(s.scheduledEnd) > now);

/** Current sessions soonest first, the others (ended, cancelled, or never started) most recent first. */
export function groupSessions(sessions: readonly Livestream[], now: number): { current: Livestream[]; past: Livestream[] } {
  const current = sessions.filter((s) => isCurrent(s, now));
  const past = sessions.filter((s) => !isCurrent(s, now));
  current.sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart) || a.id.localeCompare(b.id));
  past.sort((a, b) => b.scheduledStart.localeCompare(a.scheduledStart) || a.id.localeCompare(b.id));
  return { current, past };
}
