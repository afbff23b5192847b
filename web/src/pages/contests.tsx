import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { draftOf, emptyDraft } from '../components/contests/contest-draft';
import { ContestForm } from '../components/contests/contest-form';
import { ContestList } from '../components/contests/contest-list';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useContest, useContests } from '../data/contests';
import { todayIn } from '../dates';
import { navigate } from '../router/location';
import { useEditorQuery } from '../router/search-params';
import { useMe } from '../session';
import '../styles/plans.css';
import '../styles/contests.css';

/**
 * `/contests?edit=<id>|new`: every contest with its status (upcoming, running, ended, closed), and for owners
 * and admins the form. The open form lives in the URL (back closes it); a new contest opens its page.
 */
export default function ContestsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const editor = can('contests.edit');
  const { query, saved, open, close } = useEditorQuery({ edit: '' });
  const contests = useContests();
  const editing = useContest(editor ? query.edit : '');
  const currency = me.org.currency;
  const rows = contests.data ?? [];

  return (
    <section className="contests-page">
      <PageHeader title={t('contests.title')}>
        {editor && !query.edit && (
          <button type="button" className="btn primary" data-testid="new-contest" onClick={() => open('new')}>
            {t('contests.new')}
          </button>
        )}
      </PageHeader>
      <p className="muted">{t('contests.intro')}</p>
      {saved && (
        <p className="notice" role="status" data-testid="contest-saved">
          {t('contests.saved', { name: saved })}
        </p>
      )}
      {editor && query.edit === 'new' && (
        <ContestForm
          key="new"
          initial={emptyDraft(todayIn(me.org.timezone))}
          currency={currency}
          onSaved={(c) => navigate(`/contests/${encodeURIComponent(c.id)}`)}
          onCancel={() => close()}
        />
      )}
      {editor && query.edit && query.edit !== 'new' && (
        <>
          {editing.isPending && <Loading />}
          {editing.isError && <ErrorBox error={editing.error} onRetry={() => void editing.refetch()} />}
          {editing.data && (
            <ContestForm
              key={editing.data.id}
              contest={editing.data}
              initial={draftOf(editing.data, currency)}
              currency={currency}
              onSaved={(c) => close(c.name)}
              onCancel={() => close()}
            />
          )}
        </>
      )}
      {contests.isPending && <Loading />}
      {contests.isError && <ErrorBox error={contests.error} onRetry={() => void contests.refetch()} />}
      {contests.isSuccess && rows.length === 0 && (
        <EmptyState
          action={
            editor && !query.edit ? (
              <button type="button" className="btn" onClick={() => open('new')}>
                {t('contests.new')}
              </button>
            ) : undefined
          }
        >
          {t('contests.empty')}
        </EmptyState>
      )}
      {rows.length > 0 && (
        <ContestList rows={rows} caption={t('contests.listCaption')} onEdit={editor ? (c) => open(c.id) : undefined} />
      )}
    </section>
  );
}
