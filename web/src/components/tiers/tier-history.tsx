import { useTranslation } from 'react-i18next';
import { useTierHistory } from '../../data/tiers';
import type { TierHistory } from '../../data/tiers-types';
import { formatDate } from '../../format';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/empty-state';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';
import { type Column, ResponsiveList } from '../ui/responsive-list';

type Row = TierHistory['items'][number];

/** A KOS's tier changes (`GET /kos/{id}/tier-history`): date, from, to, and whether a recompute or a person made it. */
export function TierHistoryList({ kosId }: { kosId: string }) {
  const { t, i18n } = useTranslation();
  const history = useTierHistory(kosId);
  const none = t('common.none');
  const columns: Column<Row>[] = [
    { key: 'date', header: t('tiers.history.date'), role: 'title', cell: (r) => formatDate(r.date, i18n.language) },
    { key: 'change', header: t('tiers.history.change'), role: 'status', cell: (r) => `${r.from ?? none} → ${r.to ?? none}` },
    { key: 'reason', header: t('tiers.history.reason'), cell: (r) => <Badge of="tiers.reason" value={r.reason} /> },
  ];
  return (
    <section className="card" aria-labelledby="tier-history-title">
      <h2 id="tier-history-title">{t('tiers.history.title')}</h2>
      {history.isPending && <Loading />}
      {history.isError && <ErrorBox error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && history.data.items.length === 0 && <EmptyState>{t('tiers.history.empty')}</EmptyState>}
      {history.data && history.data.items.length > 0 && (
        <ResponsiveList
          data-testid="tier-history"
          caption={t('tiers.history.title')}
          rows={history.data.items}
          columns={columns}
          rowKey={(r) => `${r.date}-${r.from}-${r.to}-${r.reason}`}
        />
      )}
    </section>
  );
}
