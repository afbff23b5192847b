import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { draftOf, emptyDraft } from '../components/plans/plan-draft';
import { PlanForm } from '../components/plans/plan-form';
import { PlanList } from '../components/plans/plan-list';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useAllKos } from '../data';
import { usePlan, usePlanPages } from '../data/plans';
import { todayIn } from '../dates';
import { useEditorQuery } from '../router/search-params';
import { useMe } from '../session';
import '../styles/plans.css';

/**
 * `/plans?kosId=…&edit=<id>|new`: the commission plans, and for owners and admins a form with every field
 * and a live preview of what a sample line earns. The open form lives in the URL (back closes it).
 */
export default function PlansPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const can = useCan();
  const editor = can('plans.edit');
  const { query, setQuery, saved, open, close } = useEditorQuery({ kosId: '', edit: '' });
  const today = todayIn(me.org.timezone);
  const plans = usePlanPages(query.kosId);
  const editing = usePlan(editor ? query.edit : '');
  const kos = useAllKos();
  const rows = plans.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="plans-page">
      <PageHeader title={t('plans.title')}>
        {editor && !query.edit && (
          <button type="button" className="btn primary" data-testid="new-plan" onClick={() => open('new')}>
            {t('plans.new')}
          </button>
        )}
      </PageHeader>
      {saved && (
        <p className="notice" role="status" data-testid="plan-saved">
          {t('plans.saved', { name: saved })}
        </p>
      )}
      {editor && query.edit === 'new' && (
        <PlanForm
          key="new"
          initial={emptyDraft(today)}
          currency={me.org.currency}
          onSaved={(p) => close(p.name)}
          onCancel={() => close()}
        />
      )}
      {editor && query.edit && query.edit !== 'new' && (
        <>
          {editing.isPending && <Loading />}
          {editing.isError && <ErrorBox error={editing.error} onRetry={() => void editing.refetch()} />}
          {editing.data && (
            <PlanForm
              key={editing.data.id}
              plan={editing.data}
              initial={draftOf(editing.data, i18n.language)}
              currency={editing.data.currency}
              onSaved={(p) => close(p.name)}
              onCancel={() => close()}
            />
          )}
        </>
      )}
      <search className="filters">
        <select
          name="kosId"
          aria-label={t('plans.filter.kosId')}
          value={query.kosId}
          onChange={(e) => setQuery({ kosId: e.target.value })}
        >
          <option value="">{`${t('plans.filter.kosId')}: ${t('common.all')}`}</option>
          {(kos.data ?? []).map((k) => (
            <option key={k.id} value={k.id}>{`${k.name} (${k.code})`}</option>
          ))}
        </select>
      </search>
      {plans.isPending && <Loading />}
      {plans.isError && <ErrorBox error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.isSuccess && rows.length === 0 && (
        <EmptyState
          action={
            editor && !query.edit ? (
              <button type="button" className="btn" onClick={() => open('new')}>
                {t('plans.new')}
              </button>
            ) : undefined
          }
        >
          {t(query.kosId ? 'plans.emptyForKos' : 'plans.empty')}
        </EmptyState>
      )}
      {rows.length > 0 && <PlanList rows={rows} today={today} onEdit={editor ? (p) => open(p.id) : undefined} />}
      {plans.hasNextPage && (
        <button type="button" className="btn" disabled={plans.isFetchingNextPage} onClick={() => void plans.fetchNextPage()}>
          {plans.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </section>
  );
}
