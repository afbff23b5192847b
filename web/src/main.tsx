import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api';
import { App } from './app';
import './i18n/index';
import './styles/base.css';
import './styles/layout.css';
import './styles/views.css';
import './styles/reports.css';
import './styles/ui.css';
import { rememberSignedIn } from './session';

/** A 401 on any request means the session ended (expired, revoked, signed out elsewhere): back to the login page. */
function onError(error: unknown) {
  if (!(error instanceof ApiError) || error.status !== 401) return;
  rememberSignedIn(false);
  queryClient.setQueryData(['me'], null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
