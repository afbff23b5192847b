import { useTranslation } from 'react-i18next';
import { Badge } from '../components/ui/badge';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useKosRecord } from '../data/kos';
import { useOnboarding } from '../data/matrix';
import type { OnboardingStep } from '../data/matrix-enums';
import { formatDateTime } from '../format';
import { Link } from '../router/link';
import { useParams } from '../router/params';
import { useMe } from '../session';
import '../styles/matrix.css';

/** Where each step is fixed: the profile, the accounts tab or the links tab of the KOS page. */
const FIX_TAB: Record<OnboardingStep, string | null> = {
  profile: '',
  accounts: '?tab=accounts',
  audit: '?tab=accounts',
  training: null,
  firstLink: '?tab=links',
};

/**
 * `/kos/:id/onboarding`: the five onboarding steps of a KOS, each done or not with where to fix it, and
 * the KOS's status history (an onboarding KOS becomes active by itself when all five are done).
 */
export default function KosOnboardingPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams<'id'>();
  const me = useMe();
  const kos = useKosRecord(id);
  const onboarding = useOnboarding(id);
  const base = `/kos/${encodeURIComponent(id)}`;
  const k = kos.data;
  const o = onboarding.data;

  return (
    <section>
      <PageHeader title={k ? t('matrix.onboardingOf', { name: k.name }) : t('matrix.onboarding')}>
        <Link to={base}>{t('matrix.backToKos')}</Link>
      </PageHeader>
      {(kos.isPending || onboarding.isPending) && <Loading />}
      {kos.isError && <ErrorBox error={kos.error} onRetry={() => void kos.refetch()} />}
      {onboarding.isError && <ErrorBox error={onboarding.error} onRetry={() => void onboarding.refetch()} />}
      {k && o && (
        <>
          <article className="card" data-testid="onboarding">
            <p>
              <Badge of="kos.status" value={k.status} />{' '}
              <strong data-testid="onboarding-count">{t('matrix.stepsDone', { done: o.done, total: o.total })}</strong>
            </p>
            {k.status === 'onboarding' && <p className="muted small">{t('matrix.autoActive')}</p>}
            <ol className="onboarding-steps">
              {o.steps.map((s) => (
                <li key={s.key} className={s.done ? 'done' : 'todo'} data-step={s.key} data-done={s.done}>
                  <span className="onboarding-mark" aria-hidden="true">
                    {s.done ? '✓' : ''}
                  </span>
                  <div>
                    <strong>{t(`matrix.step.${s.key}`)}</strong>{' '}
                    <span className="visually-hidden">{s.done ? t('matrix.done') : t('matrix.notDone')}</span>
                    <p className="muted small">{t(`matrix.stepHint.${s.key}`)}</p>
                    {!s.done && FIX_TAB[s.key] !== null && <Link to={`${base}${FIX_TAB[s.key]}`}>{t('matrix.fix')}</Link>}
                  </div>
                </li>
              ))}
            </ol>
          </article>
          <article className="card">
            <h2>{t('matrix.statusHistory')}</h2>
            {k.statusHistory.length === 0 ? (
              <p className="muted">{t('matrix.noHistory')}</p>
            ) : (
              <ol className="status-history" data-testid="status-history">
                {k.statusHistory.map((h) => (
                  <li key={`${h.at}-${h.to}`}>
                    {formatDateTime(h.at, i18n.language, me.org.timezone)}: {h.from ? t(`kos.status.${h.from}`) : '—'} →{' '}
                    {t(`kos.status.${h.to}`)} ({t(`matrix.reason.${h.reason}`)})
                  </li>
                ))}
              </ol>
            )}
          </article>
        </>
      )}
    </section>
  );
}
