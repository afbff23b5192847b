import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from './components/layout';
import { ErrorBox } from './components/ui/error-box';
import { setLocale, storedLocale } from './i18n/index';
import { isLocale } from './i18n/resources';
import { LoginPage } from './pages/login';
import { MeContext, useMeQuery } from './session';

export function App() {
  const { t } = useTranslation();
  const me = useMeQuery();
  const orgLocale = me.data?.org.locale;

  // The org's language is the default until the user picks one in this browser.
  useEffect(() => {
    if (orgLocale && isLocale(orgLocale) && !storedLocale()) setLocale(orgLocale, false);
  }, [orgLocale]);

  if (me.isPending) return <p className="boot">{t('common.loading')}</p>;
  if (me.isError) return <ErrorBox error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <LoginPage />;
  return (
    <MeContext.Provider value={me.data}>
      <Layout />
    </MeContext.Provider>
  );
}
