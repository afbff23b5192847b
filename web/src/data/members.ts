import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { memberCreate, memberPatch } from '../../../src/features/members/members.schema';
import { api, fetchAll } from '../api';
import type { Member, Role } from '../types';

/** The body of `POST /members`. */
export type MemberInput = z.input<typeof memberCreate>;
/** The body of `PATCH /members/{id}`: a new role (with its unit or KOS), name or password. */
export type MemberChange = z.input<typeof memberPatch>;

/**
 * The unit or KOS a role carries, as the API takes them: a manager or viewer a unit (`''` = the whole
 * organisation), a KOS member their KOS record; other roles neither (both sent as null, so a role change drops them).
 */
export function linksOfRole(role: Role, unitId: string, kosId: string): { unitId: string | null; kosId: string | null } {
  if (role === 'manager' || role === 'viewer') return { unitId: unitId || null, kosId: null };
  if (role === 'kos') return { unitId: null, kosId: kosId || null };
  return { unitId: null, kosId: null };
}

/** Every member of the org (owners and admins only). */
export function useMembers() {
  return useQuery({ queryKey: ['members'], queryFn: () => fetchAll<Member>('/members') });
}

/** `POST /members`; the list is asked again. */
export function useCreateMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MemberInput) => api<Member>('/members', { method: 'POST', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['members'] }),
  });
}

/** `PATCH /members/{id}` with `{ id, change }`; the list is asked again. */
export function useChangeMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: MemberChange }) =>
      api<Member>(`/members/${encodeURIComponent(id)}`, { method: 'PATCH', body: change }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['members'] }),
  });
}

/** `DELETE /members/{id}`: the member can no longer sign in; the list is asked again. */
export function useRemoveMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/members/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['members'] }),
  });
}
