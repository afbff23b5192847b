import { useTranslation } from 'react-i18next';
import { useKos, useKosAccounts } from '../data';
import { formatNumber } from '../format';
import { ErrorBox, Loading } from './status';

/** Side panel: one KOS and its platform accounts (the matrix). */
export function KosDetail({ id, unitNames, onClose }: { id: string; unitNames: Map<string, string>; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const kos = useKos(id);
  const accounts = useKosAccounts(id);
  const k = kos.data;

  return (
    <aside className="panel" aria-label={t('kos.details')} data-testid="kos-detail">
      <header className="page-head">
        <h2>{k ? k.name : t('kos.details')}</h2>
        <button type="button" className="btn small" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </header>
      {kos.isPending && <Loading />}
      {kos.isError && <ErrorBox error={kos.error} />}
      {k && (
        <dl className="facts">
          <dt>{t('kos.code')}</dt>
          <dd className="mono">{k.code}</dd>
          <dt>{t('kos.handle')}</dt>
          <dd>@{k.handle}</dd>
          <dt>{t('kos.relationship')}</dt>
          <dd>{t(`relationship.${k.relationship}`)}</dd>
          <dt>{t('kos.unit')}</dt>
          <dd>{k.unitId ? (unitNames.get(k.unitId) ?? t('common.none')) : t('common.none')}</dd>
          <dt>{t('kos.status')}</dt>
          <dd>
            <span className={`badge status-${k.status}`}>{t(`status.${k.status}`)}</span>
          </dd>
          <dt>{t('kos.tier')}</dt>
          <dd>{k.tier ?? t('common.none')}</dd>
        </dl>
      )}
      <h3>{t('kos.accounts')}</h3>
      {accounts.isPending && <Loading />}
      {accounts.isError && <ErrorBox error={accounts.error} />}
      {accounts.data?.length === 0 && <p className="empty">{t('kos.noAccounts')}</p>}
      {accounts.data && accounts.data.length > 0 && (
        <ul className="accounts">
          {accounts.data.map((a) => (
            <li key={a.id}>
              <div>
                <strong>{t(`platform.${a.platform}`, { defaultValue: a.platform })}</strong>{' '}
                {a.url ? (
                  <a href={a.url} target="_blank" rel="noreferrer noopener">
                    {a.handle}
                  </a>
                ) : (
                  a.handle
                )}
              </div>
              <div className="muted small">
                {t('account.followers')}: {formatNumber(a.followers, i18n.language)}
                {a.followerTier &&
                  ` · ${t('account.followerTier')}: ${t(`followerTier.${a.followerTier}`, { defaultValue: a.followerTier })}`}
              </div>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
