import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { KosFilters, NO_FILTER } from '../components/kos/kos-filters';
import { KosForm } from '../components/kos/kos-form';
import { KosPanel } from '../components/kos/kos-panel';
import { sortKos } from '../components/kos/kos-sort';
import { PagedTable } from '../components/kos/paged-table';
import { LockIcon } from '../components/tiers/lock-icon';
import { Badge } from '../components/ui/badge';
import { PageHeader } from '../components/ui/page-header';
import type { Column } from '../components/ui/responsive-list';
import { useUnits } from '../data';
import { usePagedList } from '../data/kos';
import { useScorecards } from '../data/tiers';
import { formatNumber } from '../format';
import { Link } from '../router/link';
import { useQueryState } from '../router/search-params';
import type { Kos } from '../types';
import '../styles/kos.css';
import '../styles/tiers.css';

/**
 * `/kos`: the roster. Filters and sort live in the URL (`/app/kos?status=active&sort=name`); a row opens a side
 * panel, its name the KOS's page. "New KOS" (for those who may create) opens the form above the list.
 */
export default function KosRosterPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [filter, setFilter] = useQueryState(NO_FILTER);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const units = useUnits();
  const unitNames = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const { q, unit, status, tier, relationship } = filter;
  const roster = usePagedList<Kos>(['kos', 'list'], '/kos', { q, unitId: unit, status, tier, relationship });
  // Tier and RPG of every KOS the caller sees (GET /scorecards), joined to the loaded rows by id.
  const scorecards = useScorecards({ unitId: unit });
  const cards = new Map((scorecards.data?.items ?? []).map((c) => [c.kosId, c]));
  const rpgOf = (k: Kos) => cards.get(k.id)?.rpg?.score ?? null;
  const none = t('common.none');
  const profile = (k: Kos) => `/kos/${encodeURIComponent(k.id)}`;

  const columns: Column<Kos>[] = [
    {
      key: 'name',
      header: t('kos.field.name'),
      role: 'title',
      cell: (k) => (
        <Link to={profile(k)} onClick={(e) => e.stopPropagation()}>
          {k.name}
        </Link>
      ),
    },
    { key: 'status', header: t('kos.field.status'), role: 'status', cell: (k) => <Badge of="kos.status" value={k.status} /> },
    { key: 'code', header: t('kos.field.code'), cell: (k) => <span className="mono">{k.code}</span> },
    { key: 'handle', header: t('kos.field.handle'), cell: (k) => `@${k.handle}` },
    {
      key: 'relationship',
      header: t('kos.field.relationship'),
      cell: (k) => <Badge of="kos.relationship" value={k.relationship} />,
    },
    { key: 'unit', header: t('kos.field.unitId'), cell: (k) => (k.unitId ? (unitNames.get(k.unitId) ?? none) : none) },
    {
      key: 'tier',
      header: t('kos.field.tier'),
      cell: (k) => (
        <span className={`tier-pill tier-${k.tier ?? 'none'}`} data-tier={k.tier ?? ''}>
          {k.tier ?? none}
          {k.tierLocked && (
            <>
              {' '}
              <LockIcon />
              <span className="visually-hidden">{t('tiers.locked')}</span>
            </>
          )}
        </span>
      ),
    },
    {
      key: 'rpg',
      header: t('tiers.rpg.short'),
      numeric: true,
      cell: (k) => {
        const score = rpgOf(k);
        return <span data-rpg={score ?? ''}>{score === null ? none : formatNumber(score, i18n.language)}</span>;
      },
    },
  ];

  return (
    <section>
      <PageHeader title={t('kos.title')}>
        {can('kos.create') && !creating && (
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
        )}
      </PageHeader>
      {creating && (
        <KosForm
          units={units.data ?? []}
          onCancel={() => setCreating(false)}
          onSaved={(kos) => {
            setCreating(false);
            setSelected(kos.id);
          }}
        />
      )}
      <KosFilters value={filter} units={units.data ?? []} onChange={setFilter} />
      {roster.hasNextPage && filter.sort && <p className="muted small">{t('kos.sort.loadedOnly')}</p>}
      <div className={selected ? 'split with-panel' : 'split'}>
        <div className="split-main">
          <PagedTable
            data-testid="kos-table"
            list={roster}
            columns={columns}
            rowKey={(k) => k.id}
            caption={t('kos.listCaption')}
            empty={t('kos.empty')}
            arrange={(rows) => sortKos(rows, filter.sort, i18n.language, rpgOf)}
            rowProps={(k) => ({
              tabIndex: 0,
              className: k.id === selected ? 'selected clickable' : 'clickable',
              onClick: () => setSelected(k.id),
              onKeyDown: (e) => e.key === 'Enter' && e.target === e.currentTarget && setSelected(k.id),
            })}
          />
        </div>
        {selected && <KosPanel id={selected} unitNames={unitNames} onClose={() => setSelected(null)} />}
      </div>
    </section>
  );
}
