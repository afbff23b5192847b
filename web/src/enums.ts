import { ADVISOR_BASES, ADVISOR_GOALS } from './data/advisor-enums';
import { AWARD_KINDS, CONTEST_METRICS, CONTEST_SCOPES, CONTEST_STATUSES } from './data/contests-enums';
import { AUDIT_ITEMS, ONBOARDING_STEPS, STATUS_REASONS } from './data/matrix-enums';
import { APPLICATION_STATUSES, CRITERION_SOURCES } from './data/recruitment-enums';
import { TIER_REASONS } from './data/tiers-types';
import { ENROLMENT_STATUSES, LESSON_KINDS } from './data/training-enums';
import {
  ATTRIBUTIONS,
  FOLLOWER_TIERS,
  IMPORT_SOURCES,
  IMPORT_STATUSES,
  KOS_STATUSES,
  LEDGER_KINDS,
  LEDGER_STATUSES,
  LINE_STATUSES,
  PAYOUT_STATUSES,
  PLAN_BASES,
  PLATFORMS,
  RELATIONSHIPS,
  ROLES,
  SESSION_STATUSES,
  UNIT_KINDS,
} from './types';

/**
 * Every enum of the API the console shows, by its translation prefix: the value `sale` of `ledger.kind`
 * reads `t('ledger.kind.sale')`, never `sale`. The i18n test checks each value has its text in the three
 * languages; Badge and EnumOptions take these names.
 */
export const ENUMS = {
  'kos.status': KOS_STATUSES,
  'kos.relationship': RELATIONSHIPS,
  'accounts.followerTier': FOLLOWER_TIERS,
  platform: PLATFORMS,
  'units.kind': UNIT_KINDS,
  'imports.source': [...IMPORT_SOURCES, 'webhook'],
  'imports.status': IMPORT_STATUSES,
  'payouts.status': PAYOUT_STATUSES,
  'ledger.kind': LEDGER_KINDS,
  'ledger.status': LEDGER_STATUSES,
  'lines.status': LINE_STATUSES,
  'lines.attribution': ATTRIBUTIONS,
  'livestreams.status': SESSION_STATUSES,
  'plans.base': PLAN_BASES,
  'members.role': ROLES,
  /** A tracked link as the console shows it (derived from `disabled` and `expiresAt`). */
  'links.status': ['active', 'disabled', 'expired'],
  'recruitment.status': APPLICATION_STATUSES,
  'recruitment.source': CRITERION_SOURCES,
  'advisor.goal': ADVISOR_GOALS,
  'advisor.basis': ADVISOR_BASES,
  'matrix.auditItem': AUDIT_ITEMS,
  'matrix.step': ONBOARDING_STEPS,
  'matrix.reason': STATUS_REASONS,
  'training.status': ENROLMENT_STATUSES,
  'training.kind': LESSON_KINDS,
  'contests.status': CONTEST_STATUSES,
  'contests.metric': CONTEST_METRICS,
  'contests.scope': CONTEST_SCOPES,
  'contests.awardKind': AWARD_KINDS,
  'tiers.reason': TIER_REASONS,
} as const;

export type EnumName = keyof typeof ENUMS;
export type EnumValue<E extends EnumName> = (typeof ENUMS)[E][number];

/** The translation key of one value: `enumKey('ledger.kind', 'sale')` → `ledger.kind.sale`. */
export const enumKey = <E extends EnumName>(name: E, value: EnumValue<E>): string => `${name}.${value}`;
