import type { z } from 'zod';
import type { matrixOut } from '../../../src/features/accounts/accounts.schema';
import type { onboardingOut, statusChangeOut } from '../../../src/features/kos/kos.schema';
import type { PlatformAccount } from '../types';

/** `GET /matrix`: per platform, and the accounts needing attention. */
export type Matrix = z.infer<typeof matrixOut>;
/** `GET /kos/{id}/onboarding`: the five steps. */
export type Onboarding = z.infer<typeof onboardingOut>;
/** One entry of a KOS's `statusHistory`. */
export type StatusChange = z.infer<typeof statusChangeOut>;
export type AuditItem = PlatformAccount['audit']['items'][number]['key'];
export type OnboardingStep = Onboarding['steps'][number]['key'];

/** The five audit items in the server's order (enums.ts `matrix.auditItem`). */
export const AUDIT_ITEMS = ['name', 'bio', 'link', 'avatar', 'pinned'] as const satisfies readonly AuditItem[];
/** The onboarding steps in order (enums.ts `matrix.step`). */
export const ONBOARDING_STEPS = [
  'profile',
  'accounts',
  'audit',
  'training',
  'firstLink',
] as const satisfies readonly OnboardingStep[];
/** Why a KOS's status changed (enums.ts `matrix.reason`). */
export const STATUS_REASONS = ['manual', 'onboarding', 'conversion'] as const satisfies readonly StatusChange['reason'][];
/** An account scoring below this needs attention; every account at or above it passes the onboarding audit step. */
export const AUDIT_PASS = 80;
