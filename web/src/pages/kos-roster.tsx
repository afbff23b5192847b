import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../api';
import { KosDetail } from '../components/kos-detail';
import { type KosFilter, KosFilters, NO_FILTER } from '../components/kos-filters';
import { KosForm } from '../components/kos-form';
import { Empty, ErrorBox, Loading } from '../components/status';
import { useUnits } from '../data';
import type { Kos, Page } from '../types';

export function KosRosterPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<KosFilter>(NO_FILTER);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const units = useUnits();
  const unitNames = new Map((units.data ?? []).map((u) => [u.id, u.name]));

  const roster = useInfiniteQuery({
    queryKey: ['kos', 'list', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<Kos>>(`/kos${qs({ ...filter, limit: 50, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = roster.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section>
      <header className="page-head">
        <h1>{t('nav.roster')}</h1>
        <button
          type="button"
          className="btn primary"
          data-testid="new-kos"
          onClick={() => {
            setSelected(null);
            setCreating(true);
          }}
        >
          {t('kos.new')}
        </button>
      </header>
      {creating && (
        <KosForm
          units={units.data ?? []}
          onCancel={() => setCreating(false)}
          onCreated={(kos) => {
            setCreating(false);
            setSelected(kos.id);
          }}
        />
      )}
      <KosFilters value={filter} units={units.data ?? []} onChange={setFilter} />
      <div className={selected ? 'split with-panel' : 'split'}>
        <div className="split-main">
          {roster.isPending && <Loading />}
          {roster.isError && <ErrorBox error={roster.error} onRetry={() => void roster.refetch()} />}
          {roster.isSuccess && rows.length === 0 && <Empty>{t('kos.empty')}</Empty>}
          {rows.length > 0 && (
            <div className="table-wrap">
              <table className="table" data-testid="kos-table">
                <thead>
                  <tr>
                    <th>{t('kos.code')}</th>
                    <th>{t('kos.name')}</th>
                    <th>{t('kos.handle')}</th>
                    <th>{t('kos.relationship')}</th>
                    <th>{t('kos.unit')}</th>
                    <th>{t('kos.status')}</th>
                    <th>{t('kos.tier')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((k) => (
                    <tr
                      key={k.id}
                      tabIndex={0}
                      className={k.id === selected ? 'selected clickable' : 'clickable'}
                      onClick={() => setSelected(k.id)}
                      onKeyDown={(e) => e.key === 'Enter' && setSelected(k.id)}
                    >
                      <td className="mono">{k.code}</td>
                      <td>{k.name}</td>
                      <td>@{k.handle}</td>
                      <td>{t(`relationship.${k.relationship}`)}</td>
                      <td>{k.unitId ? (unitNames.get(k.unitId) ?? t('common.none')) : t('common.none')}</td>
                      <td>
                        <span className={`badge status-${k.status}`}>{t(`status.${k.status}`)}</span>
                      </td>
                      <td>{k.tier ?? t('common.none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {roster.hasNextPage && (
            <button
              type="button"
              className="btn"
              disabled={roster.isFetchingNextPage}
              onClick={() => void roster.fetchNextPage()}
            >
              {roster.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
            </button>
          )}
        </div>
        {selected && <KosDetail id={selected} unitNames={unitNames} onClose={() => setSelected(null)} />}
      </div>
    </section>
  );
}
