import { useTranslation } from 'react-i18next';
import type { Action } from '../../access/can';
import { useCan } from '../../access/use-can';
import { Link } from '../../router/link';

export const KOS_TABS = ['profile', 'accounts', 'links', 'sales', 'earnings', 'sessions'] as const;
export type KosTab = (typeof KOS_TABS)[number];

/** What the caller must be allowed to read a tab's data (the profile and accounts come with `kos.view`). */
const NEEDS: Record<KosTab, readonly Action[]> = {
  profile: [],
  accounts: [],
  links: ['links.view'],
  sales: ['lines.view'],
  earnings: ['ledger.view', 'payouts.view'],
  sessions: ['livestreams.view'],
};

/** The tabs the caller may open (a role that cannot read a tab's data does not see the tab). */
export function useKosTabs(): KosTab[] {
  const can = useCan();
  return KOS_TABS.filter((tab) => NEEDS[tab].every((action) => can(action)));
}

/** The KOS page's tabs as links: each is a URL (`?tab=accounts`), so back, forward and bookmarks keep it. */
export function KosTabs({ kosId, tabs, current }: { kosId: string; tabs: KosTab[]; current: KosTab }) {
  const { t } = useTranslation();
  const base = `/kos/${encodeURIComponent(kosId)}`;
  return (
    <nav className="kos-tabs" aria-label={t('kos.tabs')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab}>
            <Link
              to={tab === 'profile' ? base : `${base}?tab=${tab}`}
              aria-current={tab === current ? 'true' : undefined}
              data-tab={tab}
            >
              {t(`kos.tab.${tab}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
