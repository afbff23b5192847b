/** Recruitment: drives, their applications, and the writes (drive, assessments and moves, conversion). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll } from '../api';
import type { Kos, Page } from '../types';
import type { Application, Drive } from './recruitment-enums';

const drivePath = (id: string) => `/recruitment/drives/${encodeURIComponent(id)}`;
const applicationPath = (id: string) => `/recruitment/applications/${encodeURIComponent(id)}`;

/** Every drive the caller sees. */
export function useDrives() {
  return useQuery({ queryKey: ['recruitment', 'drives'], queryFn: () => fetchAll<Drive>('/recruitment/drives') });
}

export function useDrive(id: string) {
  return useQuery({ queryKey: ['recruitment', 'drive', id], queryFn: () => api<Drive>(drivePath(id)), enabled: id !== '' });
}

/** Every application of a drive, by score then oldest (the pipeline's columns). */
export function useApplicationsOf(driveId: string) {
  return useQuery({
    queryKey: ['recruitment', 'applications', driveId],
    queryFn: () => fetchAll<Application>('/recruitment/applications', { driveId }),
    enabled: driveId !== '',
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: ['recruitment', 'application', id],
    queryFn: () => api<Application>(applicationPath(id)),
    enabled: id !== '',
  });
}

/** Creates a drive (no `id`) or changes one. */
export function useSaveDrive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      id ? api<Drive>(drivePath(id), { method: 'PATCH', body }) : api<Drive>('/recruitment/drives', { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['recruitment'] }),
  });
}

/** Marks assessments and/or moves an application (`PATCH /recruitment/applications/{id}`). */
export function usePatchApplication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      api<Application>(applicationPath(id), { method: 'PATCH', body }),
    onSuccess: (saved) => {
      client.setQueryData(['recruitment', 'application', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['recruitment'] });
    },
  });
}

/** Converts an accepted application into an onboarding KOS. */
export function useConvertApplication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      api<Kos>(`${applicationPath(id)}/convert`, { method: 'POST', body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['recruitment'] });
      void client.invalidateQueries({ queryKey: ['kos'] });
    },
  });
}

export type { Page };
