import type { z } from 'zod';
import type { applicationOut, driveOut } from '../../../src/features/recruitment/recruitment.schema';

/** `GET /recruitment/drives/{id}`: a drive with its form URL and application counts. */
export type Drive = z.infer<typeof driveOut>;
/** `GET /recruitment/applications/{id}`: an application with its score per criterion and history. */
export type Application = z.infer<typeof applicationOut>;
export type ApplicationStatus = Application['status'];
type Source = Drive['criteria'][number]['source'];

/** The pipeline's statuses in order: the open ones, then the final ones (enums.ts `recruitment.status`). */
export const APPLICATION_STATUSES = [
  'new',
  'screening',
  'interview',
  'accepted',
  'rejected',
  'withdrawn',
] as const satisfies readonly ApplicationStatus[];
/** Where an applicant's value comes from (enums.ts `recruitment.source`). */
export const CRITERION_SOURCES = [
  'salesMinor',
  'followers',
  'coverage',
  'categoryFit',
  'assessment',
  'boolean',
] as const satisfies readonly Source[];

const FINAL: readonly ApplicationStatus[] = ['accepted', 'rejected', 'withdrawn'];

/** The moves the API allows from a status (docs/recruitment.md "Pipeline"): any later status or withdrawn; none from a final one. */
export function nextStatuses(from: ApplicationStatus): ApplicationStatus[] {
  if (FINAL.includes(from)) return [];
  return APPLICATION_STATUSES.slice(APPLICATION_STATUSES.indexOf(from) + 1);
}
