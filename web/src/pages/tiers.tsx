import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { CutoffsSummary } from '../components/tiers/cutoffs-summary';
import { RecomputePanel } from '../components/tiers/recompute-panel';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { type Column, ResponsiveList } from '../components/ui/responsive-list';
import { useUnits } from '../data';
import { useTierDistribution } from '../data/tiers';
import type { DistributionRow } from '../data/tiers-types';
import { formatNumber } from '../format';
import { Link } from '../router/link';
import { useQueryState } from '../router/search-params';
import type { Unit } from '../types';
import '../styles/tiers.css';

// ECharts is large: load it only when there is something to draw.
const DistributionChart = lazy(() => import('../components/tiers/tier-charts').then((m) => ({ default: m.DistributionChart })));

const COLUMNS = ['S', 'A', 'B', 'C', 'none'] as const;
const total = (r: DistributionRow) => r.S + r.A + r.B + r.C + r.none;

/** The unit `id` and its parents, top first (for the drill-down's trail). */
function trail(units: Unit[], id: string): Unit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: Unit[] = [];
  for (let u = byId.get(id); u && out.length < 20; u = u.parentId ? byId.get(u.parentId) : undefined) out.unshift(u);
  return out;
}

/**
 * `/tiers`: active KOS per unit by tier (`?unitId=` drills into a unit: its child units), the org's cut-offs,
 * and for owners and admins "Recompute now" with the changes it made (docs/tiers.md).
 */
export default function TiersPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [{ unitId }, setQuery] = useQueryState({ unitId: '' });
  const units = useUnits();
  const all = units.data ?? [];
  const hasChildren = new Set(all.map((u) => u.parentId).filter(Boolean));
  const dist = useTierDistribution(unitId);
  const rows = dist.data?.rows ?? [];
  const n = (v: number) => formatNumber(v, i18n.language);
  const tierName = (c: (typeof COLUMNS)[number]) => (c === 'none' ? t('tiers.noTier') : t('tiers.tierOf', { tier: c }));
  const open = (r: DistributionRow) => setQuery({ unitId: r.unitId }, { push: true });

  const columns: Column<DistributionRow>[] = [
    {
      key: 'unit',
      header: t('tiers.unit'),
      role: 'title',
      cell: (r) =>
        hasChildren.has(r.unitId) ? (
          <Link to={`/tiers?unitId=${encodeURIComponent(r.unitId)}`} data-testid={`drill-${r.unitId}`}>
            {r.name}
          </Link>
        ) : (
          <Link to={`/kos?unit=${encodeURIComponent(r.unitId)}`}>{r.name}</Link>
        ),
    },
    { key: 'total', header: t('tiers.total'), role: 'status', numeric: true, cell: (r) => n(total(r)) },
    ...COLUMNS.map(
      (c): Column<DistributionRow> => ({
        key: c,
        header: tierName(c),
        numeric: true,
        cell: (r) => <span data-tier={c}>{n(r[c])}</span>,
      }),
    ),
  ];

  return (
    <section className="tiers-page">
      <PageHeader title={t('tiers.title')} />
      <nav className="tier-trail" aria-label={t('tiers.trail')} data-testid="tier-trail">
        {unitId ? <Link to="/tiers">{t('tiers.allUnits')}</Link> : <span aria-current="page">{t('tiers.allUnits')}</span>}
        {trail(all, unitId).map((u) => (
          <span key={u.id}>
            {' › '}
            {u.id === unitId ? (
              <span aria-current="page">{u.name}</span>
            ) : (
              <Link to={`/tiers?unitId=${encodeURIComponent(u.id)}`}>{u.name}</Link>
            )}
          </span>
        ))}
      </nav>
      <section className="card" aria-labelledby="distribution-title">
        <h2 id="distribution-title">{t('tiers.distribution')}</h2>
        <p className="muted small">{t('tiers.distributionHint')}</p>
        {dist.isPending && <Loading />}
        {dist.isError && <ErrorBox error={dist.error} onRetry={() => void dist.refetch()} />}
        {dist.data && rows.length === 0 && <EmptyState>{t('tiers.noUnits')}</EmptyState>}
        {rows.length > 0 && (
          <>
            <Suspense fallback={<Loading />}>
              <DistributionChart
                units={rows.map((r) => r.name)}
                tiers={COLUMNS.map((c) => ({ key: c, name: tierName(c), values: rows.map((r) => r[c]) }))}
                onUnit={(i) => {
                  const r = rows[i];
                  if (r && hasChildren.has(r.unitId)) open(r);
                }}
              />
            </Suspense>
            <ResponsiveList
              data-testid="distribution-table"
              caption={t('tiers.distribution')}
              rows={rows}
              columns={columns}
              rowKey={(r) => r.unitId}
              rowProps={(r) => ({ id: `unit-row-${r.unitId}` })}
            />
          </>
        )}
      </section>
      <div className="tiers-side">
        <CutoffsSummary />
        {can('tiers.recompute') && <RecomputePanel />}
      </div>
    </section>
  );
}
