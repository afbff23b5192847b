import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { ApiError, api } from './api';
import type { Me } from './types';

/**
 * Whether this browser signed in and has not signed out since. The session cookie is httpOnly (scripts
 * cannot see it), and asking `GET /me` without one answers 401, which Chromium logs as a failed request
 * in the console of every signed-out visitor. So the console asks only when it signed in here; an expired
 * session still answers one 401, after which the hint is cleared.
 */
const SIGNED_IN = 'kos.signedIn';

export function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN, '1');
    else localStorage.removeItem(SIGNED_IN);
  } catch {
    // storage blocked: mightBeSignedIn() then always asks
  }
}

function mightBeSignedIn(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN) === '1';
  } catch {
    return true;
  }
}

/** The signed-in caller, or null when signed out (the session is missing or expired). */
export function useMeQuery() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      if (!mightBeSignedIn()) return null;
      try {
        return await api<Me>('/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          rememberSignedIn(false);
          return null;
        }
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
