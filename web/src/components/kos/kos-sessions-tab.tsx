import { useTranslation } from 'react-i18next';
import { usePagedList } from '../../data/kos';
import { formatDateTime, formatMoney } from '../../format';
import { Link } from '../../router/link';
import { useMe } from '../../session';
import type { Livestream } from '../../types';
import { Badge } from '../ui/badge';
import type { Column } from '../ui/responsive-list';
import { PagedTable } from './paged-table';

/** The KOS's livestream sessions (GET /livestreams?kosId=), each leading to its own page. */
export function KosSessionsTab({ kosId }: { kosId: string }) {
  const { t, i18n } = useTranslation();
  const { org } = useMe();
  const lang = i18n.language;
  const sessions = usePagedList<Livestream>(['livestreams', 'byKos', kosId], '/livestreams', { kosId });
  const columns: Column<Livestream>[] = [
    {
      key: 'title',
      header: t('kos.sessions.title'),
      role: 'title',
      cell: (s) => <Link to={`/livestreams/${encodeURIComponent(s.id)}`}>{s.title}</Link>,
    },
    {
      key: 'status',
      header: t('kos.sessions.status'),
      role: 'status',
      cell: (s) => <Badge of="livestreams.status" value={s.status} />,
    },
    {
      key: 'start',
      header: t('kos.sessions.start'),
      cell: (s) => formatDateTime(s.actualStart ?? s.scheduledStart, lang, org.timezone),
    },
    { key: 'platform', header: t('kos.sessions.platform'), cell: (s) => <Badge of="platform" value={s.platform} /> },
    {
      key: 'fee',
      header: t('kos.sessions.fee'),
      numeric: true,
      cell: (s) => (s.feeMinor === null ? t('common.none') : formatMoney(s.feeMinor, s.currency, lang)),
    },
  ];
  return (
    <section aria-labelledby="kos-sessions-title">
      <h2 id="kos-sessions-title">{t('kos.tab.sessions')}</h2>
      <PagedTable
        data-testid="kos-sessions"
        list={sessions}
        columns={columns}
        rowKey={(s) => s.id}
        caption={t('kos.tab.sessions')}
        empty={t('kos.sessions.empty')}
      />
    </section>
  );
}
