/** Training: courses (list, one, save), enrolments, lesson completion and the completion report. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, qs } from '../api';
import type { Course, Enrolment, ReportRow } from './training-enums';

const coursePath = (id: string) => `/courses/${encodeURIComponent(id)}`;

/** Every course the caller sees (a KOS member: the ones they are enrolled in, without quiz answers). */
export function useCourses() {
  return useQuery({ queryKey: ['training', 'courses'], queryFn: () => fetchAll<Course>('/courses') });
}

export function useCourse(id: string) {
  return useQuery({ queryKey: ['training', 'course', id], queryFn: () => api<Course>(coursePath(id)), enabled: id !== '' });
}

/** Creates a course (no `id`) or changes one (`PATCH`: lessons keep their `id`, new ones have none). */
export function useSaveCourse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      id ? api<Course>(coursePath(id), { method: 'PATCH', body }) : api<Course>('/courses', { method: 'POST', body }),
    onSuccess: (saved) => {
      client.setQueryData(['training', 'course', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['training'] });
    },
  });
}

export interface EnrolmentFilter {
  kosId?: string;
  courseId?: string;
  status?: string;
}

/** The enrolments matching `filter` (a KOS member's own only, whatever the filter). */
export function useEnrolments(filter: EnrolmentFilter, enabled = true) {
  return useQuery({
    queryKey: ['training', 'enrolments', filter],
    queryFn: () => fetchAll<Enrolment>('/enrolments', { ...filter }),
    enabled,
  });
}

/** One enrolment (a KOS member: only their own). */
export function useEnrolment(id: string) {
  return useQuery({
    queryKey: ['training', 'enrolment', id],
    queryFn: () => api<Enrolment>(`/enrolments/${encodeURIComponent(id)}`),
    enabled: id !== '',
  });
}

/** Completes one lesson of an enrolment (`answers`: one choice index per question of a quiz). */
export function useCompleteLesson(enrolmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ lessonId, answers }: { lessonId: string; answers?: number[] }) =>
      api<Enrolment>(`/enrolments/${encodeURIComponent(enrolmentId)}/lessons/${encodeURIComponent(lessonId)}/complete`, {
        method: 'POST',
        body: answers ? { answers } : {},
      }),
    onSuccess: (saved) => {
      client.setQueryData(['training', 'enrolment', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['training', 'enrolments'] });
      void client.invalidateQueries({ queryKey: ['training', 'report'] });
    },
  });
}

/** Moves an enrolment's due date (owners and admins). */
export function useMoveDueAt(enrolmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (dueAt: string) =>
      api<Enrolment>(`/enrolments/${encodeURIComponent(enrolmentId)}`, { method: 'PATCH', body: { dueAt } }),
    onSuccess: (saved) => {
      client.setQueryData(['training', 'enrolment', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['training', 'enrolments'] });
      void client.invalidateQueries({ queryKey: ['training', 'report'] });
    },
  });
}

/** `GET /training/report`: per course, unit and tier, what is assigned, completed and overdue. */
export function useTrainingReport(filter: { courseId?: string; unitId?: string }) {
  return useQuery({
    queryKey: ['training', 'report', filter],
    queryFn: () => api<{ rows: ReportRow[] }>(`/training/report${qs({ ...filter })}`),
  });
}
