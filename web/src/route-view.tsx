import { Component, type ReactNode, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from './access/use-can';
import { ErrorBox } from './components/ui/error-box';
import { Loading } from './components/ui/loading';
import ForbiddenPage from './pages/forbidden';
import NotFoundPage from './pages/not-found';
import { navigate, useLocation } from './router/location';
import { ParamsContext } from './router/params';
import { findRoute } from './routes';

/** The page of the current URL: loaded on demand, guarded by its `can`, with its params provided. */
export function RouteView() {
  const { path } = useLocation();
  const can = useCan();
  const found = findRoute(path);
  if (!found) return <NotFoundPage />;
  const { route, params } = found;
  if (route.can && !can(route.can)) return route.otherwise ? <Redirect to={route.otherwise} /> : <ForbiddenPage />;
  const Page = route.page;
  return (
    <ParamsContext.Provider value={params}>
      {/* keyed by path: an error on one page is forgotten on the next */}
      <PageErrorBoundary key={path}>
        <Suspense fallback={<Loading />}>
          <Page />
        </Suspense>
      </PageErrorBoundary>
    </ParamsContext.Provider>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** A page that throws (or whose chunk fails to load after a new release) shows an error, not a blank screen. */
class PageErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  render() {
    return this.state.error ? <PageFailed error={this.state.error} /> : this.props.children;
  }
}

function PageFailed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('common.pageLoadFailed')}</h1>
      <ErrorBox error={error} onRetry={() => window.location.reload()} />
    </section>
  );
}
