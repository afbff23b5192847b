import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { api } from '../api';
import { RouteView } from '../route-view';
import { Link } from '../router/link';
import { useLocation } from '../router/location';
import { type AppRoute, findRoute, ROUTES } from '../routes';
import { rememberSignedIn, useMe } from '../session';
import { LanguageSwitcher } from './language-switcher';

/** The signed-in shell: the sidebar lists the pages the caller's role may open; the page fills the rest. */
export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const { path } = useLocation();
  const queryClient = useQueryClient();
  const [menuOpen, setMenuOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const current = findRoute(path)?.route;
  const entries = ROUTES.filter((r) => r.nav && (!r.can || can(r.can)));
  // `/kos/123` belongs to the KOS roster's section of the sidebar.
  const inSection = (r: AppRoute) => r === current || (r.path !== '/' && path.startsWith(`${r.path}/`));

  // After a page change, keyboard and screen-reader users start at the new page, not in the sidebar.
  const firstPath = useRef(path);
  useEffect(() => {
    if (path !== firstPath.current) main.current?.focus({ preventScroll: true });
  }, [path]);

  const logout = async () => {
    await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    rememberSignedIn(false);
    queryClient.clear();
    queryClient.setQueryData(['me'], null);
  };

  return (
    <div className={menuOpen ? 'shell menu-open' : 'shell'}>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <aside className="sidebar">
        <div className="brand">
          <strong>{t('common.appName')}</strong>
          <small>{t('common.matrix')}</small>
          <button type="button" className="btn small menu-toggle" aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>
            {t('common.menu')}
          </button>
        </div>
        <nav aria-label={t('nav.main')}>
          {entries.map((r) => (
            <Link
              key={r.path}
              to={r.path}
              className={inSection(r) ? 'active' : undefined}
              aria-current={r === current ? 'page' : undefined}
              onClick={() => setMenuOpen(false)}
            >
              {t(r.nav ?? '')}
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
      <main className="content" id="main" ref={main} tabIndex={-1}>
        <RouteView />
      </main>
    </div>
  );
}
