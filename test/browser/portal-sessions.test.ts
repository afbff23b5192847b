import { describe, expect, test } from 'vitest';
import { webModule } from './web-module.js';

/** /app/me/sessions' grouping (web/src/components/portal/session-groups.ts): what is current, what is past, when the live room shows. */
interface Session {
  id: string;
  status: 'scheduled' | 'live' | 'ended' | 'cancelled';
  scheduledStart: string;
  scheduledEnd: string;
}
const groups = await webModule<{
  LIVE_ROOM_LEAD_MS: number;
  liveRoomOpen(s: Session, now: number): boolean;
  groupSessions(sessions: Session[], now: number): { current: Session[]; past: Session[] };
}>('components/portal/session-groups.ts');

const NOW = Date.parse('2026-12-01T10:00:00Z');
const MIN = 60_000;
const session = (id: string, status: Session['status'], startMin: number, endMin: number): Session => ({
  id,
  status,
  scheduledStart: new Date(NOW + startMin * MIN).toISOString(),
  scheduledEnd: new Date(NOW + endMin * MIN).toISOString(),
});

describe('the live room link', () => {
  test.each<[string, Session, boolean]>([
    ['scheduled, starts in exactly one hour', session('a', 'scheduled', 60, 120), true],
    ['scheduled, starts in one hour and a minute', session('b', 'scheduled', 61, 120), false],
    ['scheduled, started late and not over', session('c', 'scheduled', -10, 50), true],
    ['scheduled, its end has passed', session('d', 'scheduled', -120, -60), false],
    ['live, even past its scheduled end', session('e', 'live', -180, -60), true],
    ['ended', session('f', 'ended', -30, 30), false],
    ['cancelled, within the hour', session('g', 'cancelled', 30, 90), false],
  ])('%s → %s', (_, s, open) => {
    expect(groups.liveRoomOpen(s, NOW)).toBe(open);
  });
  test('the lead is one hour', () => {
    expect(groups.LIVE_ROOM_LEAD_MS).toBe(60 * MIN);
  });
});

test('current sessions soonest first; ended, cancelled and overdue ones past, latest first', () => {
  const { current, past } = groups.groupSessions(
    [
      session('week', 'scheduled', 7 * 1440, 7 * 1440 + 60),
      session('ended', 'ended', -1440, -1380),
      session('live', 'live', -30, 30),
      session('soon', 'scheduled', 30, 90),
      session('overdue', 'scheduled', -300, -240),
      session('cancelled', 'cancelled', 1440, 1500),
    ],
    NOW,
  );
  expect(current.map((s) => s.id)).toEqual(['live', 'soon', 'week']);
  expect(past.map((s) => s.id)).toEqual(['cancelled', 'overdue', 'ended']);
});
