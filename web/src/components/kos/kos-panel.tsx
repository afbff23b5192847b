import { useTranslation } from 'react-i18next';
import { useAccounts, useKosRecord } from '../../data/kos';
import { formatNumber } from '../../format';
import { Link } from '../../router/link';
import { Badge } from '../ui/badge';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';
import { KosFacts } from './kos-facts';

/** The roster's side panel: one KOS in brief, their accounts, and the way to their full page. */
export function KosPanel({ id, unitNames, onClose }: { id: string; unitNames: Map<string, string>; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const kos = useKosRecord(id);
  const accounts = useAccounts(id);
  const k = kos.data;
  const profile = `/kos/${encodeURIComponent(id)}`;
  return (
    <section className="panel" aria-labelledby="kos-panel-title" data-testid="kos-detail">
      <header className="page-head">
        <h2 id="kos-panel-title">{k ? k.name : t('kos.details')}</h2>
        <button type="button" className="btn small" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </header>
      {kos.isPending && <Loading />}
      {kos.isError && <ErrorBox error={kos.error} onRetry={() => void kos.refetch()} />}
      {k && <KosFacts kos={k} unitName={k.unitId ? (unitNames.get(k.unitId) ?? null) : null} brief />}
      <h3>{t('kos.accounts')}</h3>
      {accounts.isPending && <Loading />}
      {accounts.isError && <ErrorBox error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {accounts.data?.length === 0 && <p className="empty">{t('kos.noAccounts')}</p>}
      {accounts.data && accounts.data.length > 0 && (
        <ul className="accounts">
          {accounts.data.map((a) => (
            <li key={a.id}>
              <Badge of="platform" value={a.platform} /> {a.handle}
              <div className="muted small">
                {t('accounts.field.followers')}: {formatNumber(a.followers, i18n.language)}{' '}
                {a.followerTier && <Badge of="accounts.followerTier" value={a.followerTier} />}
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <Link className="btn primary" to={profile} data-testid="open-profile">
          {t('kos.openProfile')}
        </Link>
      </div>
    </section>
  );
}
