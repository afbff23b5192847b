import { useTranslation } from 'react-i18next';
import { Link } from '../../router/link';
import type { Kos } from '../../types';
import { Badge } from '../ui/badge';

/** The KOS member's own record, to read, and the address of their public bio page. */
export function MyRecord({ kos }: { kos: Kos }) {
  const { t } = useTranslation();
  const bioPath = `/@${encodeURIComponent(kos.handle)}`;
  return (
    <article className="card me-record" data-testid="my-record" aria-labelledby="me-record-title">
      <div className="me-record-head">
        {kos.avatarUrl?.startsWith('https:') ? (
          <img className="avatar" src={kos.avatarUrl} alt="" width={56} height={56} />
        ) : null}
        <div>
          <h2 id="me-record-title">{kos.name}</h2>
          <Badge of="kos.status" value={kos.status} />
        </div>
      </div>
      <dl className="facts">
        <dt>{t('me.field.code')}</dt>
        <dd className="mono" data-testid="my-code">
          {kos.code}
        </dd>
        <dt>{t('me.field.handle')}</dt>
        <dd className="mono">@{kos.handle}</dd>
        <dt>{t('me.field.relationship')}</dt>
        <dd>
          <Badge of="kos.relationship" value={kos.relationship} />
        </dd>
        <dt>{t('me.field.tier')}</dt>
        <dd>
          {kos.tier ?? t('common.none')}{' '}
          <Link to="/me/scorecard" data-testid="my-scorecard-link">
            {t('tiers.scorecard.mine')}
          </Link>
        </dd>
      </dl>
      <p>
        <a className="btn small" href={bioPath} target="_blank" rel="noopener" data-testid="bio-page-link">
          {t('me.openBioPage')}
        </a>{' '}
        <span className="muted small mono">{bioPath}</span>
      </p>
      {kos.status !== 'active' && kos.status !== 'onboarding' && <p className="muted small">{t('me.bioHidden')}</p>}
    </article>
  );
}
