import { useQueryClient } from '@tanstack/react-query';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { DashboardPage } from '../pages/dashboard';
import { ImportsPage } from '../pages/imports';
import { KosRosterPage } from '../pages/kos-roster';
import { PayoutsPage } from '../pages/payouts';
import { ProductsPage } from '../pages/products';
import { SettingsPage } from '../pages/settings';
import { UnitsPage } from '../pages/units';
import { Link, ROUTES, type Route, useRoute } from '../router';
import { useMe } from '../session';
import { LanguageSwitcher } from './language-switcher';

const NAV_LABEL: Record<Route, string> = {
  dashboard: 'nav.dashboard',
  kos: 'nav.roster',
  imports: 'nav.imports',
  payouts: 'nav.payouts',
  units: 'nav.units',
  products: 'nav.products',
  settings: 'nav.settings',
};

const PAGES: Record<Route, ComponentType> = {
  dashboard: DashboardPage,
  kos: KosRosterPage,
  imports: ImportsPage,
  payouts: PayoutsPage,
  units: UnitsPage,
  products: ProductsPage,
  settings: SettingsPage,
};

export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const route = useRoute();
  const queryClient = useQueryClient();
  const [menuOpen, setMenuOpen] = useState(false);
  const Page = PAGES[route];

  const logout = async () => {
    await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    queryClient.clear();
    queryClient.setQueryData(['me'], null);
  };

  return (
    <div className={menuOpen ? 'shell menu-open' : 'shell'}>
      <aside className="sidebar">
        <div className="brand">
          <strong>{t('app.name')}</strong>
          <small>{t('app.matrix')}</small>
          <button type="button" className="btn small menu-toggle" aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>
            {t('app.menu')}
          </button>
        </div>
        <nav>
          {ROUTES.map((r) => (
            <Link key={r} to={r} className={r === route ? 'active' : undefined} onClick={() => setMenuOpen(false)}>
              {t(NAV_LABEL[r])}
            </Link>
          ))}
        </nav>
        <div className="sidebar-foot">
          <div className="org-name">{me.org.name}</div>
          <div className="muted small">{me.member?.email}</div>
          <LanguageSwitcher />
          <button type="button" className="btn small" onClick={() => void logout()}>
            {t('nav.logout')}
          </button>
        </div>
      </aside>
      <main className="content">
        <Page />
      </main>
    </div>
  );
}
