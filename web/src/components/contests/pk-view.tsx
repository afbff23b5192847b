import { useTranslation } from 'react-i18next';
import { type Contest, pkSplit, rowKey, type StandingRow } from '../../data/contests-enums';
import { enumKey } from '../../enums';
import { formatNumber } from '../../format';
import { formatValue } from './contest-value';

export interface PkChoice {
  a: string;
  b: string;
}

/** The two rows a PK shows: the chosen ones, else the first two of the standings. */
export function pkPair(rows: readonly StandingRow[], choice: PkChoice): [StandingRow, StandingRow] | null {
  const find = (key: string) => rows.find((r) => rowKey(r) === key);
  const a = find(choice.a) ?? rows[0];
  const b = find(choice.b) ?? rows.find((r) => r !== a);
  return a && b && a !== b ? [a, b] : null;
}

/**
 * PK (门店PK): two units side by side — big values, their ranks, and a bar split by their shares that shows
 * who leads. `onChoose` (absent in TV mode) lets the user pick the two sides from the standings.
 */
export function PkView({
  contest,
  rows,
  currency,
  choice,
  onChoose,
  big,
}: {
  contest: Contest;
  rows: readonly StandingRow[];
  currency: string;
  choice: PkChoice;
  onChoose?: (choice: PkChoice) => void;
  big?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const pair = pkPair(rows, choice);
  if (!pair) return <p className="muted">{t('contests.pk.needTwo')}</p>;
  const [a, b] = pair;
  const split = pkSplit(a.value, b.value);
  const value = (v: number) => formatValue(v, contest.metric, currency, lang);
  const lead =
    split.leader === 'tie'
      ? t('contests.pk.level')
      : t('contests.pk.leads', {
          name: split.leader === 'a' ? a.name : b.name,
          by: value(Math.abs(a.value - b.value)),
        });
  // Picking the other side's unit swaps the two sides.
  const choose = (side: 'a' | 'b', key: string): PkChoice => {
    const now = { a: rowKey(a), b: rowKey(b) };
    const other = side === 'a' ? 'b' : 'a';
    return key === now[other] ? { a: now.b, b: now.a } : { ...now, [side]: key };
  };
  const picker = (side: 'a' | 'b', current: StandingRow) =>
    onChoose && (
      <label className="pk-pick">
        <span>{side === 'a' ? t('contests.pk.left') : t('contests.pk.right')}</span>
        <select name={`pk-${side}`} value={rowKey(current)} onChange={(e) => onChoose(choose(side, e.target.value))}>
          {rows.map((r) => (
            <option key={rowKey(r)} value={rowKey(r)}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
    );
  const side = (row: StandingRow, which: 'a' | 'b') => (
    <div className={`pk-side pk-${which}${split.leader === which ? ' leading' : ''}`} data-testid={`pk-${which}`}>
      {picker(which, row)}
      <div className="pk-name">{row.name}</div>
      <div className="pk-value">{value(row.value)}</div>
      <div className="pk-rank">{t('contests.pk.rank', { rank: formatNumber(row.rank, lang) })}</div>
    </div>
  );
  return (
    <section className={big ? 'pk tv-pk' : 'card pk'} aria-labelledby="pk-title" data-testid="pk-view">
      <h2 id="pk-title">
        {t('contests.pk.title')} · {t(enumKey('contests.metric', contest.metric))}
      </h2>
      <div className="pk-sides">
        {side(a, 'a')}
        <div className="pk-vs" aria-hidden="true">
          VS
        </div>
        {side(b, 'b')}
      </div>
      <div
        className="pk-bar"
        role="img"
        aria-label={t('contests.pk.bar', { a: a.name, aShare: split.a, b: b.name, bShare: split.b })}
      >
        <span className="pk-bar-a" style={{ width: `${split.a}%` }} />
        <span className="pk-bar-b" style={{ width: `${split.b}%` }} />
      </div>
      <p className="pk-lead" data-testid="pk-lead">
        {lead}
      </p>
    </section>
  );
}
