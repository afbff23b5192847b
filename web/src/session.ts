import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { ApiError, api } from './api';
import type { Me } from './types';

/** The signed-in caller, or null when the session is missing or expired (401). */
export function useMeQuery() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api<Me>('/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export const MeContext = createContext<Me | null>(null);

/** The caller inside the signed-in layout (never null there). */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside the signed-in layout');
  return me;
}
