import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { LedgerFilters } from '../components/ledger/ledger-filters';
import { LedgerList } from '../components/ledger/ledger-list';
import { ManualEntryForm } from '../components/ledger/manual-entry-form';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useAllKos } from '../data';
import { NO_LEDGER_FILTER, useLedger } from '../data/ledger';
import { formatMoney } from '../format';
import { useQueryState } from '../router/search-params';
import { useMe } from '../session';
import type { LedgerEntry } from '../types';
import '../styles/ledger.css';

/**
 * `/app/ledger`: the append-only ledger with its filters in the URL, page by page. Owners and admins book
 * a bonus or an adjustment by hand (with a reason, confirmed before booking); other roles only read.
 */
export default function LedgerPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const can = useCan();
  const [filter, setFilter] = useQueryState(NO_LEDGER_FILTER);
  const ledger = useLedger(filter);
  const roster = useAllKos();
  const kos = roster.data ?? [];
  const byId = new Map(kos.map((k) => [k.id, `${k.name} (${k.code})`]));
  const kosName = (id: string) => byId.get(id) ?? id;
  const [booking, setBooking] = useState(false);
  const [booked, setBooked] = useState<LedgerEntry | null>(null);
  const rows = ledger.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="ledger-page">
      <PageHeader title={t('ledger.title')}>
        {can('ledger.book') && !booking && (
          <button
            type="button"
            className="btn primary"
            data-testid="new-entry"
            onClick={() => {
              setBooked(null);
              setBooking(true);
            }}
          >
            {t('ledger.manual.open')}
          </button>
        )}
      </PageHeader>
      {booking && (
        <ManualEntryForm
          kos={kos}
          currency={me.org.currency}
          onCancel={() => setBooking(false)}
          onBooked={(entry) => {
            setBooking(false);
            setBooked(entry);
          }}
        />
      )}
      {booked && (
        <p className="notice" role="status" data-testid="entry-booked">
          {t('ledger.manual.booked', {
            kind: t(`ledger.kind.${booked.kind}`),
            amount: formatMoney(booked.amountMinor, booked.currency, i18n.language),
            kos: kosName(booked.kosId),
          })}
        </p>
      )}
      <LedgerFilters value={filter} kos={kos} onChange={(f) => setFilter(f, { push: true })} />
      {ledger.isPending && <Loading />}
      {ledger.isError && <ErrorBox error={ledger.error} onRetry={() => void ledger.refetch()} />}
      {ledger.isSuccess && rows.length === 0 && <EmptyState>{t('ledger.empty')}</EmptyState>}
      {rows.length > 0 && <LedgerList rows={rows} timeZone={me.org.timezone} kosName={kosName} />}
      {ledger.hasNextPage && (
        <button type="button" className="btn" disabled={ledger.isFetchingNextPage} onClick={() => void ledger.fetchNextPage()}>
          {ledger.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </section>
  );
}
