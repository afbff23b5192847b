/** The matrix view and a KOS's onboarding checklist. */
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../api';
import type { Matrix, Onboarding } from './matrix-enums';

/** The filters of `/matrix`, as they sit in the URL. */
export const DEFAULT_MATRIX_FILTER = { unitId: '', platform: '' };

/** `GET /matrix?unitId&platform`. */
export function useMatrix(filter: typeof DEFAULT_MATRIX_FILTER) {
  return useQuery({
    queryKey: ['matrix', filter],
    queryFn: () => api<Matrix>(`/matrix${qs({ unitId: filter.unitId || undefined, platform: filter.platform || undefined })}`),
  });
}

/** `GET /kos/{id}/onboarding`; under the KOS's cache key, so a change of the KOS or its accounts reloads it. */
export function useOnboarding(kosId: string) {
  return useQuery({
    queryKey: ['kos', 'onboarding', kosId],
    queryFn: () => api<Onboarding>(`/kos/${encodeURIComponent(kosId)}/onboarding`),
  });
}
