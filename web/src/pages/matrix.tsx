import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitSelect } from '../components/kos/unit-select';
import { Badge } from '../components/ui/badge';
import { EmptyState } from '../components/ui/empty-state';
import { EnumOptions } from '../components/ui/enum-options';
import { ErrorBox } from '../components/ui/error-box';
import { Field } from '../components/ui/field';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { type Column, ResponsiveList } from '../components/ui/responsive-list';
import { useAllKos, useUnits } from '../data';
import { DEFAULT_MATRIX_FILTER, useMatrix } from '../data/matrix';
import { AUDIT_PASS, type Matrix } from '../data/matrix-enums';
import { formatNumber } from '../format';
import { Link } from '../router/link';
import { useQueryState } from '../router/search-params';
import { FOLLOWER_TIERS } from '../types';
import '../styles/matrix.css';

// ECharts is large: load it only when there is something to draw.
const MatrixCharts = lazy(() => import('../components/matrix/matrix-charts'));

type PlatformRow = Matrix['platforms'][number];
type AttentionRow = Matrix['needsAttention'][number];

/**
 * `/matrix`: the KOS's platform accounts per platform — accounts, KOS, followers, follower tiers, average
 * audit score — with charts, and the accounts that need attention (score below 80), each opening its KOS.
 */
export default function MatrixPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useQueryState(DEFAULT_MATRIX_FILTER);
  const matrix = useMatrix(filter);
  const units = useUnits();
  const roster = useAllKos();
  const kosName = new Map((roster.data ?? []).map((k) => [k.id, `${k.name} (${k.code})`]));
  const n = (v: number) => formatNumber(v, i18n.language);

  const platformColumns: Column<PlatformRow>[] = [
    {
      key: 'platform',
      header: t('accounts.field.platform'),
      role: 'title',
      cell: (r) => <Badge of="platform" value={r.platform} />,
    },
    {
      key: 'score',
      header: t('matrix.avgAuditScore'),
      role: 'status',
      numeric: true,
      cell: (r) => (r.avgAuditScore === null ? t('common.none') : n(r.avgAuditScore)),
    },
    { key: 'accounts', header: t('matrix.accounts'), numeric: true, cell: (r) => n(r.accounts) },
    { key: 'kos', header: t('matrix.kos'), numeric: true, cell: (r) => n(r.kos) },
    { key: 'followers', header: t('accounts.field.followers'), numeric: true, cell: (r) => n(r.followers) },
    ...FOLLOWER_TIERS.map(
      (tier): Column<PlatformRow> => ({
        key: tier,
        header: t(`accounts.followerTier.${tier}`),
        numeric: true,
        cell: (r) => n(r.followerTiers[tier]),
      }),
    ),
  ];
  const attentionColumns: Column<AttentionRow>[] = [
    {
      key: 'account',
      header: t('accounts.field.handle'),
      role: 'title',
      cell: (r) => <Link to={`/kos/${encodeURIComponent(r.kosId)}?tab=accounts`}>{r.handle}</Link>,
    },
    {
      key: 'score',
      header: t('matrix.auditScore'),
      role: 'status',
      numeric: true,
      cell: (r) => t('matrix.score', { score: r.score }),
    },
    { key: 'platform', header: t('accounts.field.platform'), cell: (r) => <Badge of="platform" value={r.platform} /> },
    { key: 'kos', header: t('matrix.kosName'), cell: (r) => kosName.get(r.kosId) ?? r.kosId },
    {
      key: 'failing',
      header: t('matrix.failingItems'),
      cell: (r) => r.failing.map((item) => t(`matrix.auditItem.${item}`)).join(', '),
    },
  ];
  const data = matrix.data;

  return (
    <section className="matrix-page">
      <PageHeader title={t('matrix.title')} />
      <form className="card matrix-filters" aria-label={t('matrix.filters')} onSubmit={(e) => e.preventDefault()}>
        <Field label={t('matrix.field.unitId')}>
          <UnitSelect
            name="unitId"
            value={filter.unitId}
            units={units.data ?? []}
            emptyLabel={t('matrix.allUnits')}
            onChange={(e) => setFilter({ unitId: e.target.value }, { push: true })}
          />
        </Field>
        <Field label={t('accounts.field.platform')}>
          <select
            name="platform"
            value={filter.platform}
            onChange={(e) => setFilter({ platform: e.target.value }, { push: true })}
          >
            <option value="">{t('matrix.allPlatforms')}</option>
            <EnumOptions of="platform" />
          </select>
        </Field>
      </form>
      {matrix.isPending && <Loading />}
      {matrix.isError && <ErrorBox error={matrix.error} onRetry={() => void matrix.refetch()} />}
      {data && data.platforms.length === 0 && <EmptyState>{t('matrix.empty')}</EmptyState>}
      {data && data.platforms.length > 0 && (
        <>
          <ResponsiveList
            data-testid="matrix-platforms"
            caption={t('matrix.byPlatform')}
            rows={data.platforms}
            columns={platformColumns}
            rowKey={(r) => r.platform}
          />
          <Suspense fallback={<Loading />}>
            <MatrixCharts
              platforms={data.platforms.map((p) => t(`platform.${p.platform}`))}
              tiers={FOLLOWER_TIERS.map((tier) => ({
                name: t(`accounts.followerTier.${tier}`),
                values: data.platforms.map((p) => p.followerTiers[tier]),
              }))}
              scores={data.platforms.map((p) => p.avgAuditScore ?? 0)}
              pass={AUDIT_PASS}
              tierTitle={t('matrix.tierChart')}
              auditTitle={t('matrix.auditChart')}
            />
          </Suspense>
        </>
      )}
      {data && (
        <section className="matrix-attention" aria-labelledby="matrix-attention-title">
          <h2 id="matrix-attention-title">{t('matrix.needsAttention')}</h2>
          <p className="muted small">{t('matrix.needsAttentionHint', { pass: AUDIT_PASS })}</p>
          {data.needsAttention.length === 0 ? (
            <EmptyState>{t('matrix.noneNeedsAttention')}</EmptyState>
          ) : (
            <ResponsiveList
              data-testid="matrix-attention"
              caption={t('matrix.needsAttention')}
              rows={data.needsAttention}
              columns={attentionColumns}
              rowKey={(r) => r.accountId}
            />
          )}
        </section>
      )}
    </section>
  );
}
