import { useTranslation } from 'react-i18next';
import { useCan } from '../../access/use-can';
import { useAllKos } from '../../data';
import type { ContestAward } from '../../data/contests-enums';
import { formatMoney, formatNumber } from '../../format';
import { Link } from '../../router/link';
import { Badge } from '../ui/badge';
import { type Column, ResponsiveList } from '../ui/responsive-list';

/** What closing booked: per award its winner, kind (prize or target bonus), amount and ledger entry. */
export function AwardsTable({
  awards,
  currency,
  unitNames,
}: {
  awards: readonly ContestAward[];
  currency: string;
  /** A unit contest's units by id (from its standings): each KOS's award names the unit that won it. */
  unitNames?: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const kos = useAllKos();
  const kosById = new Map((kos.data ?? []).map((k) => [k.id, k]));
  const winner = (a: ContestAward) => {
    const k = kosById.get(a.kosId);
    const name = a.name ?? k?.name ?? a.kosId;
    return k ? `${name} (${k.code})` : name;
  };
  const unitOf = (a: ContestAward) => (a.unitId ? unitNames?.get(a.unitId) : undefined);
  const total = awards.reduce((sum, a) => sum + a.amountMinor, 0);
  const entryLink = (a: ContestAward) =>
    can('ledger.view') ? `/ledger?kosId=${encodeURIComponent(a.kosId)}&kind=bonus` : '/me#me-earnings';
  const columns: Column<ContestAward>[] = [
    { key: 'winner', header: t('contests.awards.winner'), role: 'title', cell: winner },
    { key: 'rank', header: t('contests.column.rank'), numeric: true, cell: (a) => formatNumber(a.rank, i18n.language) },
    {
      key: 'kind',
      header: t('contests.awards.kind'),
      role: 'status',
      cell: (a) => <Badge of="contests.awardKind" value={a.kind} />,
    },
  ];
  if (unitNames && awards.some(unitOf))
    columns.push({ key: 'unit', header: t('contests.column.unit'), cell: (a) => unitOf(a) ?? '' });
  columns.push(
    {
      key: 'amount',
      header: t('contests.awards.amount'),
      numeric: true,
      cell: (a) => formatMoney(a.amountMinor, currency, i18n.language),
    },
    {
      key: 'entry',
      header: t('contests.awards.entry'),
      role: 'actions',
      cell: (a) => (
        <Link to={entryLink(a)} data-testid="award-entry" aria-label={t('contests.awards.entryOf', { name: winner(a) })}>
          {t('contests.awards.entryLink', { id: a.entryId.slice(-6) })}
        </Link>
      ),
    },
  );
  return (
    <section className="card awards" aria-labelledby="awards-title" data-testid="awards">
      <h2 id="awards-title">{t('contests.awards.title')}</h2>
      {awards.length === 0 ? (
        <p className="muted">{t('contests.awards.none')}</p>
      ) : (
        <>
          <p className="muted small">
            {t('contests.awards.summary', { n: awards.length, total: formatMoney(total, currency, i18n.language) })}
          </p>
          <ResponsiveList
            data-testid="awards-table"
            caption={t('contests.awards.title')}
            rows={awards}
            columns={columns}
            rowKey={(a) => `${a.entryId}`}
          />
        </>
      )}
    </section>
  );
}
