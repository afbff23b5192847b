/**
 * The KOS portal pages (`/me/accounts`, `/me/bio`, `/me/sessions`): a KOS member's own accounts and the
 * four fields they may change, the public bio page as the server renders it, and all their sessions.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { accountPatch } from '../../../src/features/accounts/accounts.schema';
import { api, fetchAll } from '../api';
import type { Livestream, PlatformAccount } from '../types';

/** What a KOS member may change of their own account (docs/matrix.md "Who may change what"). */
export type OwnAccountPatch = Required<Pick<z.input<typeof accountPatch>, 'displayName' | 'bio' | 'linkInBio' | 'followers'>>;

/**
 * Saves the four fields; the answer carries the new audit, put straight into the account list (the same
 * cache entry as the KOS page's `useAccounts`), which is then read again with the onboarding steps.
 */
export function useSaveOwnAccount(kosId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, body }: { accountId: string; body: OwnAccountPatch }) =>
      api<PlatformAccount>(`/accounts/${encodeURIComponent(accountId)}`, { method: 'PATCH', body }),
    onSuccess: async (saved) => {
      client.setQueryData<PlatformAccount[]>(['kos', 'accounts', kosId], (list) =>
        list?.map((a) => (a.id === saved.id ? saved : a)),
      );
      await Promise.all([
        client.invalidateQueries({ queryKey: ['kos', 'accounts', kosId] }),
        client.invalidateQueries({ queryKey: ['kos', 'onboarding', kosId] }),
        client.invalidateQueries({ queryKey: ['kos', 'one', kosId] }),
      ]);
    },
  });
}

/** The public bio page as served to visitors: its HTML, or null while it is not public (404). */
export interface BioPage {
  html: string | null;
  /** Its address as the server states it (`og:url`: `{publicUrl}/@{handle}`), the `link` audit item's target. */
  url: string | null;
}

/** The `og:url` of a bio page's HTML (read as text: the page is never run here); docs/portal-console.md. */
export function bioPageUrl(html: string): string | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? null;
}

/**
 * Fetches `/@{handle}` (once the handle is known) fresh (the page is cached 30 s for visitors) in `lang`. `version` (the KOS record's
 * `updatedAt`) is part of the key, so a saved change loads the page again.
 */
export function useBioPage(handle: string | undefined, lang: string, version: string) {
  return useQuery({
    queryKey: ['bioPage', handle, lang, version],
    enabled: handle !== undefined,
    queryFn: async (): Promise<BioPage> => {
      const res = await fetch(`/@${encodeURIComponent(handle ?? '')}?lang=${encodeURIComponent(lang)}`, {
        cache: 'no-store',
        credentials: 'omit',
      });
      if (res.status === 404) return { html: null, url: null };
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const html = await res.text();
      return { html, url: bioPageUrl(html) };
    },
  });
}

/** Every session of the member (a KOS has a few a week), in no particular order. */
export function useAllMySessions(kosId: string) {
  return useQuery({
    queryKey: ['livestreams', 'allOfKos', kosId],
    queryFn: () => fetchAll<Livestream>('/livestreams', { kosId }),
  });
}
