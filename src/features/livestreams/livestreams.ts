import { type FieldError, fieldError } from '../../lib/errors.js';
import { problem } from '../../lib/problems/problem.js';

export const SESSION_STATUSES = ['scheduled', 'live', 'ended', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Allowed status changes; `ended` and `cancelled` are final (docs/attribution.md, "Session statuses"). */
export const TRANSITIONS: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  scheduled: ['live', 'ended', 'cancelled'],
  live: ['ended', 'cancelled'],
  ended: [],
  cancelled: [],
};

export const STAT_KEYS = [
  'views',
  'viewers',
  'peakViewers',
  'avgWatchSeconds',
  'comments',
  'questions',
  'questionsAnswered',
  'productClicks',
  'addToCart',
] as const;
export type Stats = Record<(typeof STAT_KEYS)[number], number>;

/** Stats with every missing key filled from `base` (zeros on create, the stored stats on change). */
export function fillStats(partial: Partial<Stats> | undefined, base?: Stats): Stats {
  return Object.fromEntries(STAT_KEYS.map((k) => [k, partial?.[k] ?? base?.[k] ?? 0])) as Stats;
}

/** The part of a session that status rules look at; times in epoch ms. */
export interface SessionTimes {
  status: SessionStatus;
  scheduledStart: number;
  scheduledEnd: number;
  actualStart: number | null;
  actualEnd: number | null;
}

/**
 * Applies a change (`next` = the stored session with the request's fields over it) to a session in
 * status `from` (`null` when it is being created, which starts from `scheduled`). A status change must
 * follow TRANSITIONS, else a 422 at `status` (not 409: the request is wrong, not a duplicate). Going
 * `live` sets a missing `actualStart` to now; ending a `live` session sets a missing `actualEnd` to
 * now, while ending one that never went live (recorded after the fact) needs both actual times.
 * Returns the session to store, or the field errors.
 */
export function resolveSession(
  from: SessionStatus | null,
  next: SessionTimes,
  now: number,
): { ok: true; session: SessionTimes } | { ok: false; errors: FieldError[] } {
  const was = from ?? 'scheduled';
  const s = { ...next };
  if (s.status !== was) {
    if (!TRANSITIONS[was].includes(s.status)) {
      const allowed = TRANSITIONS[was];
      const why = allowed.length ? `allowed: ${allowed.join(', ')}` : `${was} is final`;
      const keyed = allowed.length
        ? problem('livestream.status.transition', { from: was, to: s.status, allowed })
        : problem('livestream.status.final', { from: was, to: s.status });
      return { ok: false, errors: [fieldError('status', keyed, `cannot change from ${was} to ${s.status} (${why})`)] };
    }
    if (s.status === 'live' && s.actualStart === null) s.actualStart = now;
    if (s.status === 'ended' && was === 'live' && s.actualEnd === null) s.actualEnd = now;
  }
  const errors: FieldError[] = [];
  if (s.scheduledEnd <= s.scheduledStart)
    errors.push(fieldError('scheduledEnd', problem('livestream.scheduled_end.not_after_start'), 'must be after scheduledStart'));
  if (s.status === 'ended' && s.actualStart === null)
    errors.push(fieldError('actualStart', problem('livestream.actual.required_when_ended'), 'is required for an ended session'));
  else if (s.actualEnd !== null && s.actualStart === null)
    errors.push(
      fieldError('actualStart', problem('livestream.actual_start.required_with_end'), 'is required when actualEnd is set'),
    );
  if (s.status === 'ended' && s.actualEnd === null)
    errors.push(fieldError('actualEnd', problem('livestream.actual.required_when_ended'), 'is required for an ended session'));
  if (s.status === 'live' && s.actualEnd !== null)
    errors.push(
      fieldError(
        'actualEnd',
        problem('livestream.actual_end.set_while_live'),
        'must be empty while the session is live (set status ended)',
      ),
    );
  if (s.actualStart !== null && s.actualEnd !== null && s.actualEnd < s.actualStart)
    errors.push(fieldError('actualEnd', problem('livestream.actual_end.before_start'), 'must not be before actualStart'));
  return errors.length ? { ok: false, errors } : { ok: true, session: s };
}

/** A session as the order tie sees it (only sessions that went live have an `actualStart`). */
export interface TieCandidate {
  id: string;
  kosId: string;
  platform: string;
  actualStart: number;
  actualEnd: number | null;
}

/**
 * The session a live-content order line is tied to (docs/attribution.md, "Livestream sessions"): one of the line's KOS on the
 * line's platform whose `[actualStart, actualEnd + postLiveWindowHours]` (both ends inclusive) holds
 * the order time; the latest-starting wins (equal starts: the later-created, i.e. greater id). A session
 * still live (no `actualEnd`) holds every order from its start on. The caller checks `contentType === 'live'`.
 */
export function tieSession(
  sessions: readonly TieCandidate[],
  line: { kosId: string; platform: string; orderTime: number },
  postLiveWindowHours: number,
): string | null {
  const window = postLiveWindowHours * 3_600_000;
  let best: TieCandidate | null = null;
  for (const s of sessions) {
    if (s.kosId !== line.kosId || s.platform !== line.platform) continue;
    // A session still live has no end yet: orders from its start on belong to it.
    if (line.orderTime < s.actualStart || (s.actualEnd !== null && line.orderTime > s.actualEnd + window)) continue;
    if (!best || s.actualStart > best.actualStart || (s.actualStart === best.actualStart && s.id > best.id)) best = s;
  }
  return best?.id ?? null;
}

export interface SessionRatios {
  gpm: number | null;
  ctr: number | null;
  ctor: number | null;
  addToCartRate: number | null;
  responseRate: number | null;
}

const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

/**
 * The livestream funnel of docs/metrics.md, unrounded; a zero denominator gives null.
 * gpm = GMV per 1 000 views (minor units), ctr = productClicks / views, ctor = orders / productClicks,
 * addToCartRate = addToCart / productClicks, responseRate = questionsAnswered / questions.
 */
export function sessionRatios(stats: Stats, sales: { gmvMinor: number; orders: number }): SessionRatios {
  return {
    gpm: ratio(sales.gmvMinor * 1000, stats.views),
    ctr: ratio(stats.productClicks, stats.views),
    ctor: ratio(sales.orders, stats.productClicks),
    addToCartRate: ratio(stats.addToCart, stats.productClicks),
    responseRate: ratio(stats.questionsAnswered, stats.questions),
  };
}
