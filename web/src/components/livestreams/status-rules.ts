import type { Livestream } from '../../types';

export type SessionStatus = Livestream['status'];

/**
 * The API's allowed status moves (src/features/livestreams/livestreams.ts TRANSITIONS; the console
 * cannot import server code, test/browser/livestreams-rules.test.ts keeps the two equal): ended and
 * cancelled are final. The console offers only these.
 */
export const TRANSITIONS: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  scheduled: ['live', 'ended', 'cancelled'],
  live: ['ended', 'cancelled'],
  ended: [],
  cancelled: [],
};

export const nextStatuses = (status: SessionStatus): readonly SessionStatus[] => TRANSITIONS[status];
