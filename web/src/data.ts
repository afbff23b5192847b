import { useQuery } from '@tanstack/react-query';
import { api, fetchAll } from './api';
import { type ImportReport, isImportActive, type Kos, type PlatformAccount, type Unit } from './types';

/** How often an import that is queued or running is asked for again. */
export const IMPORT_POLL_MS = 500;

/** Every unit the caller may see (a scoped manager sees a subtree). */
export function useUnits() {
  return useQuery({ queryKey: ['units', 'all'], queryFn: () => fetchAll<Unit>('/units') });
}

/** The whole roster (for counts); the roster page itself pages through it. */
export function useAllKos() {
  return useQuery({ queryKey: ['kos', 'all'], queryFn: () => fetchAll<Kos>('/kos') });
}

export function useKos(id: string) {
  return useQuery({ queryKey: ['kos', 'one', id], queryFn: () => api<Kos>(`/kos/${encodeURIComponent(id)}`) });
}

export function useKosAccounts(kosId: string) {
  return useQuery({
    queryKey: ['kos', 'accounts', kosId],
    queryFn: () => fetchAll<PlatformAccount>(`/kos/${encodeURIComponent(kosId)}/accounts`),
  });
}

/** One import, asked for again every IMPORT_POLL_MS while it is queued or running; null `id` asks nothing. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: ['imports', 'one', id],
    queryFn: () => api<ImportReport>(`/imports/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    refetchInterval: (query) => {
      const report = query.state.data;
      if (query.state.status === 'error' || (report && !isImportActive(report.status))) return false;
      return IMPORT_POLL_MS;
    },
  });
}
