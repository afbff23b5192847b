import { useTranslation } from 'react-i18next';
import { useAllKos } from '../../data';
import { useRecompute } from '../../data/tiers';
import type { Recompute } from '../../data/tiers-types';
import { formatDate } from '../../format';
import { Link } from '../../router/link';
import { ErrorBox } from '../ui/error-box';

/**
 * "Recompute now" (owners and admins): `POST /tiers/recompute` for today, then the tiers that changed, each
 * KOS linking to its scorecard. A locked KOS or one outside the active population never moves (docs/tiers.md).
 */
export function RecomputePanel() {
  const { t } = useTranslation();
  const recompute = useRecompute();
  return (
    <section className="card recompute" aria-labelledby="recompute-title" data-testid="recompute">
      <h2 id="recompute-title">{t('tiers.recompute.title')}</h2>
      <p className="muted small">{t('tiers.recompute.hint')}</p>
      <div className="actions">
        <button
          type="button"
          className="btn primary"
          data-testid="recompute-now"
          disabled={recompute.isPending}
          onClick={() => recompute.mutate(undefined)}
        >
          {recompute.isPending ? t('common.working') : t('tiers.recompute.now')}
        </button>
      </div>
      {recompute.isError && <ErrorBox error={recompute.error} />}
      {recompute.data && <Changes result={recompute.data} />}
    </section>
  );
}

function Changes({ result }: { result: Recompute }) {
  const { t, i18n } = useTranslation();
  const roster = useAllKos();
  const names = new Map((roster.data ?? []).map((k) => [k.id, `${k.name} (${k.code})`]));
  const none = t('common.none');
  return (
    <div role="status" data-testid="recompute-result">
      <p>{t('tiers.recompute.done', { count: result.changes.length, date: formatDate(result.date, i18n.language) })}</p>
      {result.changes.length > 0 && (
        <ul className="tier-changes" data-testid="recompute-changes">
          {result.changes.map((c) => (
            <li key={c.kosId} data-kos={c.kosId}>
              <Link to={`/kos/${encodeURIComponent(c.kosId)}/scorecard`}>{names.get(c.kosId) ?? c.kosId}</Link>:{' '}
              <span className="mono">
                {c.from ?? none} → {c.to ?? none}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
