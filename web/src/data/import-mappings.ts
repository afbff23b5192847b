/** Saved column mappings (`/import-mappings`): list, one, save, delete, presets and the sample preview. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUpload, fetchAll } from '../api';
import type { ImportMapping, MappingPreset, MappingPreview, PreviewRow } from './import-mappings-types';

export type { ImportMapping, MappingPreset, MappingPreview, PreviewRow };

const mappingPath = (id: string) => `/import-mappings/${encodeURIComponent(id)}`;

/** Every mapping of the org (owners and admins). */
export function useMappings(enabled = true) {
  return useQuery({
    queryKey: ['import-mappings', 'all'],
    queryFn: () => fetchAll<ImportMapping>('/import-mappings'),
    enabled,
  });
}

export function useMapping(id: string) {
  return useQuery({
    queryKey: ['import-mappings', 'one', id],
    queryFn: () => api<ImportMapping>(mappingPath(id)),
    enabled: id !== '',
  });
}

/** The built-in starting points (Douyin, Xiaohongshu…). */
export function usePresets() {
  return useQuery({
    queryKey: ['import-mappings', 'presets'],
    queryFn: () => api<MappingPreset[]>('/import-mappings/presets'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Creates a mapping (no `id`) or changes one. */
export function useSaveMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      id
        ? api<ImportMapping>(mappingPath(id), { method: 'PATCH', body })
        : api<ImportMapping>('/import-mappings', { method: 'POST', body }),
    onSuccess: (saved) => {
      client.setQueryData(['import-mappings', 'one', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['import-mappings', 'all'] });
    },
  });
}

export function useDeleteMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(mappingPath(id), { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['import-mappings', 'all'] }),
  });
}

/**
 * The sample parsed with `settings`, the mapping's JSON (`POST /import-mappings/preview`, multipart `file` + `mapping`), asked
 * again whenever `settings` changes; `fileKey` names the file (a new upload, a new key). The last answer
 * stays shown while the next one is on its way.
 */
export function usePreview(file: File | null, fileKey: number, settings: string) {
  return useQuery({
    queryKey: ['import-mappings', 'preview', fileKey, settings],
    queryFn: () => {
      const form = new FormData();
      form.append('mapping', settings);
      if (file) form.append('file', file, file.name);
      return apiUpload<MappingPreview>('/import-mappings/preview', form);
    },
    enabled: file !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
  });
}
