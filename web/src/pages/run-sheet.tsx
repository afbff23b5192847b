import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { RunSheetEditor } from '../components/livestreams/run-sheet-editor';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useCatalogue, useLivestream } from '../data/livestreams';
import { printUrl, useRunSheet } from '../data/run-sheets';
import { Link } from '../router/link';
import { useParams } from '../router/params';
import { useMe } from '../session';
import '../styles/run-sheet.css';

/**
 * A session's run-sheet (`/livestreams/:id/run-sheet`, docs/run-sheets.md): its segments minute by minute.
 * Owners, admins and managers edit it; viewers and the session's own KOS read it; everyone may print it.
 */
export default function RunSheetPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams<'id'>();
  const me = useMe();
  const can = useCan();
  const session = useLivestream(id);
  const sheet = useRunSheet(id);
  const catalogue = useCatalogue();
  const s = session.data;
  const names = new Map((catalogue.data ?? []).map((p) => [p.id, p.name]));
  const nameOf = (productId: string) => names.get(productId) ?? productId;
  const minutes = s ? Math.max(0, Math.floor((Date.parse(s.scheduledEnd) - Date.parse(s.scheduledStart)) / 60_000)) : 0;
  const back = me.role === 'kos' ? '/me' : `/livestreams/${id}`;
  const pending = session.isPending || sheet.isPending || catalogue.isPending;
  const error = session.error ?? sheet.error;

  return (
    <section className="run-sheet-page">
      <p className="back-link">
        <Link to={back}>{me.role === 'kos' ? t('runSheet.backToMe') : t('runSheet.backToSession')}</Link>
      </p>
      <PageHeader title={s ? t('runSheet.titleOf', { title: s.title }) : t('runSheet.title')}>
        <a className="btn small" href={printUrl(id, i18n.language)} target="_blank" rel="noopener" data-testid="print-run-sheet">
          {t('runSheet.print')}
        </a>
        <Link className="btn small" to={`/livestreams/${id}/live`} data-testid="open-live-room">
          {t('runSheet.liveRoom')}
        </Link>
      </PageHeader>
      {pending && !error && <Loading />}
      {error && (
        <ErrorBox
          error={error}
          onRetry={() => {
            void session.refetch();
            void sheet.refetch();
          }}
        />
      )}
      {s && sheet.data && !catalogue.isPending && (
        <>
          {sheet.data.segments.length === 0 && <EmptyState>{t('runSheet.empty')}</EmptyState>}
          <RunSheetEditor
            key={id}
            sessionId={id}
            sheet={sheet.data}
            minutes={minutes}
            currency={s.currency}
            nameOf={nameOf}
            editable={can('livestreams.edit')}
          />
        </>
      )}
    </section>
  );
}
