import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { apiKeyCreate, apiKeyCreated } from '../../../src/features/api-keys/api-keys.schema';
import type { orgPatch } from '../../../src/features/orgs/orgs.schema';
import { api, fetchAll } from '../api';
import type { ApiKey, Org } from '../types';

/** The body of `PATCH /org`: only the fields sent change (`webhookSecret: null` removes the secret). */
export type OrgPatch = z.input<typeof orgPatch>;
/** The body of `POST /api-keys`. */
export type ApiKeyInput = z.input<typeof apiKeyCreate>;
/** `POST /api-keys`'s answer: the key itself is in `key`, shown this once (the server keeps its hash). */
export type CreatedApiKey = z.infer<typeof apiKeyCreated>;

/** The caller's organisation (`GET /org`). */
export function useOrg() {
  return useQuery({ queryKey: ['org'], queryFn: () => api<Org>('/org') });
}

/** `PATCH /org`; the new org replaces the cached one, and `GET /me` (which carries the org) is asked again. */
export function usePatchOrg() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: OrgPatch) => api<Org>('/org', { method: 'PATCH', body: patch }),
    onSuccess: (org) => {
      client.setQueryData(['org'], org);
      void client.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

/** Every API key of the org (never the keys themselves). */
export function useApiKeys() {
  return useQuery({ queryKey: ['api-keys'], queryFn: () => fetchAll<ApiKey>('/api-keys') });
}

/** `POST /api-keys`: the answer holds the key, which the caller must store now. */
export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiKeyInput) => api<CreatedApiKey>('/api-keys', { method: 'POST', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['api-keys'] }),
  });
}

/** `DELETE /api-keys/{id}`: the key stops working at once. */
export function useDeleteApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['api-keys'] }),
  });
}
