import { useQuery } from '@tanstack/react-query';
import { api, fetchAll } from './api';
import type { Kos, PlatformAccount, Unit } from './types';

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
