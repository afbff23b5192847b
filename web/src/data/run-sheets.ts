/** A session's run-sheet (`GET`/`PUT /livestreams/{id}/run-sheet`) and its live room's feed types. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { runSheetOut, runSheetPut } from '../../../src/features/run-sheets/run-sheets.schema';
import { api } from '../api';

export type RunSheet = z.infer<typeof runSheetOut>;
export type Segment = RunSheet['segments'][number];
export type RunSheetBody = z.input<typeof runSheetPut>;

const key = (id: string) => ['livestreams', 'runSheet', id] as const;
const path = (id: string) => `/livestreams/${encodeURIComponent(id)}/run-sheet`;

/** The sheet (drafted by the server on its first read). */
export function useRunSheet(id: string) {
  return useQuery({ queryKey: key(id), queryFn: () => api<RunSheet>(path(id)), enabled: id !== '' });
}

/** Replaces the segments; the answer (stock warnings recomputed) becomes the cached sheet. */
export function useSaveRunSheet(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RunSheetBody) => api<RunSheet>(path(id), { method: 'PUT', body }),
    onSuccess: (sheet) => client.setQueryData(key(id), sheet),
  });
}

/** The printable sheet in the console's language (a plain link: the session cookie goes with it). */
export const printUrl = (id: string, lang: string): string =>
  `/api/v1/livestreams/${encodeURIComponent(id)}/run-sheet.html?lang=${encodeURIComponent(lang)}`;
