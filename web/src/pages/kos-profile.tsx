import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { AccountList } from '../components/accounts/account-list';
import { KosEarningsTab } from '../components/kos/kos-earnings-tab';
import { KosLinksTab } from '../components/kos/kos-links-tab';
import { KosProfileTab } from '../components/kos/kos-profile-tab';
import { KosSalesTab } from '../components/kos/kos-sales-tab';
import { KosSessionsTab } from '../components/kos/kos-sessions-tab';
import { type KosTab, KosTabs, useKosTabs } from '../components/kos/kos-tabs';
import { TierControl } from '../components/tiers/tier-control';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useUnits } from '../data';
import { useKosRecord } from '../data/kos';
import { Link } from '../router/link';
import { useParams } from '../router/params';
import { useQueryState } from '../router/search-params';
import '../styles/kos.css';

/** `/kos/:id`: one KOS — profile, platform accounts, links, sales, earnings, sessions — one tab at a time (`?tab=`). */
export default function KosProfilePage() {
  const { t } = useTranslation();
  const can = useCan();
  const { id } = useParams<'id'>();
  const kos = useKosRecord(id);
  const units = useUnits();
  const tabs = useKosTabs();
  const [{ tab }] = useQueryState({ tab: 'profile' });
  const current = (tabs as string[]).includes(tab) ? (tab as KosTab) : 'profile';
  const k = kos.data;

  return (
    <section>
      <PageHeader title={k?.name ?? t('kos.details')}>
        <Link to="/kos">{t('kos.backToRoster')}</Link>
        <Link to={`/kos/${encodeURIComponent(id)}/onboarding`} data-testid="onboarding-link">
          {t('matrix.onboardingLink')}
        </Link>
        <Link to={`/kos/${encodeURIComponent(id)}/scorecard`} data-testid="scorecard-header-link">
          {t('tiers.scorecard.title')}
        </Link>
        <Link to={`/kos/${encodeURIComponent(id)}/training`} data-testid="training-header-link">
          {t('training.kos.link')}
        </Link>
      </PageHeader>
      {kos.isPending && <Loading />}
      {kos.isError && <ErrorBox error={kos.error} onRetry={() => void kos.refetch()} />}
      {k && (
        <>
          <KosTabs kosId={id} tabs={tabs} current={current} />
          <div className="kos-tab" data-testid={`kos-tab-${current}`}>
            {current === 'profile' && (
              <>
                <KosProfileTab kos={k} units={units.data ?? []} />
                <TierControl key={`${k.tier}-${k.updatedAt}`} kos={k} />
              </>
            )}
            {current === 'accounts' && (
              <section aria-labelledby="kos-accounts-title">
                <h2 id="kos-accounts-title">{t('kos.tab.accounts')}</h2>
                <AccountList kosId={id} editable={can('accounts.edit')} />
              </section>
            )}
            {current === 'links' && <KosLinksTab kosId={id} />}
            {current === 'sales' && <KosSalesTab kosId={id} />}
            {current === 'earnings' && <KosEarningsTab kosId={id} />}
            {current === 'sessions' && <KosSessionsTab kosId={id} />}
          </div>
        </>
      )}
    </section>
  );
}
