import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { unitCreate } from '../../../src/features/units/units.schema';
import { api } from '../api';
import type { Unit } from '../types';

/** What the unit form sends to `POST /units` or `PATCH /units/{id}`. */
export type UnitBody = z.input<typeof unitCreate>;

/** The units as a tree, each level sorted by name: roots are those without a parent the caller can see. */
export function unitTree(units: readonly Unit[]): { roots: Unit[]; children: Map<string, Unit[]> } {
  const ids = new Set(units.map((u) => u.id));
  const byName = (a: Unit, b: Unit) => a.name.localeCompare(b.name);
  const roots: Unit[] = [];
  const children = new Map<string, Unit[]>();
  for (const u of units) {
    if (u.parentId === null || !ids.has(u.parentId)) roots.push(u);
    else children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  }
  for (const list of children.values()) list.sort(byName);
  return { roots: roots.sort(byName), children };
}

/** `id` and every unit below it (a unit cannot move into its own subtree). */
export function subtreeOf(id: string, byParent: ReadonlyMap<string, readonly Unit[]>): Set<string> {
  const out = new Set<string>();
  const stack = [id];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (out.has(next)) continue;
    out.add(next);
    for (const c of byParent.get(next) ?? []) stack.push(c.id);
  }
  return out;
}

/** Creates a unit (`id` null) or renames, re-kinds or moves one; every unit query is asked again. */
export function useSaveUnit(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UnitBody) =>
      id === null
        ? api<Unit>('/units', { method: 'POST', body })
        : api<Unit>(`/units/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['units'] }),
  });
}

/** Deletes an empty unit (`DELETE /units/{id}`); the server refuses one with child units, KOS or members. */
export function useDeleteUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/units/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['units'] }),
  });
}
