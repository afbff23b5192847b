import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contest, StandingRow } from '../../data/contests-enums';
import { enumKey } from '../../enums';
import { formatDateTime } from '../../format';
import { Badge } from '../ui/badge';
import { useContestSummary } from './contest-list';
import { type PkChoice, PkView } from './pk-view';
import { StandingsTable } from './standings-table';

/** How many rows a TV shows: readable across a store. */
export const TV_ROWS = 10;

/**
 * TV mode (`?tv=1`): the leaderboard full screen for a store's TV — big type, white on black, the sidebar
 * hidden, refreshed like the page. With a PK chosen (`pkA`, `pkB`) the two sides show above the board.
 */
export function TvBoard({
  contest,
  rows,
  currency,
  updatedAt,
  timeZone,
  pk,
  onExit,
}: {
  contest: Contest;
  rows: readonly StandingRow[];
  currency: string;
  updatedAt: number;
  timeZone: string;
  pk: PkChoice | null;
  onExit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const summary = useContestSummary();
  const board = useRef<HTMLDivElement>(null);
  // The shell's sidebar gives the screen to the board while it is shown.
  useEffect(() => {
    document.body.classList.add('tv-mode');
    return () => document.body.classList.remove('tv-mode');
  }, []);
  const fullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void board.current?.requestFullscreen?.().catch(() => undefined);
  };
  return (
    <div className="tv-board" ref={board} data-testid="tv-board">
      <header className="tv-head">
        <div>
          <h1>{contest.name}</h1>
          <p className="tv-sub">
            {t(enumKey('contests.metric', contest.metric))} · {summary.scope(contest)} · {summary.dates(contest)}{' '}
            <Badge of="contests.status" value={contest.status} />
          </p>
        </div>
        <div className="tv-actions">
          <button type="button" className="btn" onClick={fullScreen}>
            {t('contests.tv.fullScreen')}
          </button>
          <button type="button" className="btn" onClick={onExit} data-testid="tv-exit">
            {t('contests.tv.exit')}
          </button>
        </div>
      </header>
      {pk && contest.scope === 'unit' && <PkView contest={contest} rows={rows} currency={currency} choice={pk} big />}
      {rows.length === 0 ? (
        <p className="tv-empty">{t('contests.noStandings')}</p>
      ) : (
        <StandingsTable contest={contest} rows={rows.slice(0, TV_ROWS)} currency={currency} big />
      )}
      <p className="tv-foot">
        {contest.status === 'running' && <span className="live-dot" aria-hidden="true" />}
        {t('contests.updatedAt', { time: formatDateTime(updatedAt, i18n.language, timeZone) })}
      </p>
    </div>
  );
}
