import type { Me } from '../types';

/**
 * What each role may do in the console, mirroring the server's rules (src/features/access/access.ts and
 * the `requireRole` calls of each feature's service; docs/decisions.md "unit scope", "who changes what",
 * "role kos"). The server decides; this table only hides what would answer 403. Unit scope itself
 * needs no rule here: the server filters every list a scoped manager or viewer reads.
 */
export type Role = Me['role'];
/** The fields of `GET /me` the rules read. */
export type Caller = Pick<Me, 'role' | 'unitId' | 'kosId'>;
/** The record an action is about, for the few rules that depend on it. */
export interface Subject {
  /** The unit being changed (`units.edit`, `units.delete`). */
  unitId?: string | null;
  /** The role being granted (`members.grant`). */
  role?: Role;
}

// The server's role groups (access.ts ADMINS, EDITORS, STAFF), plus every role.
const ADMINS: readonly Role[] = ['owner', 'admin'];
const EDITORS: readonly Role[] = ['owner', 'admin', 'manager'];
const STAFF: readonly Role[] = ['owner', 'admin', 'manager', 'viewer'];
const EVERYONE: readonly Role[] = ['owner', 'admin', 'manager', 'viewer', 'kos'];

type Rule = readonly Role[] | ((caller: Caller, subject: Subject) => boolean);

/** A manager may change units below the root of their scope, not that root itself (units.service). */
const unitEditable = (caller: Caller, subject: Subject) =>
  EDITORS.includes(caller.role) && !(caller.role === 'manager' && subject.unitId === caller.unitId);

export const RULES = {
  // Pages a KOS member reaches through /app/me instead (their own record, links, lines, ledger, payouts).
  'dashboard.view': STAFF,
  'kos.view': STAFF,
  'links.view': STAFF,
  'lines.view': STAFF,
  'livestreams.view': STAFF,
  'livestreams.read': EVERYONE, // one session's run-sheet and live room (a KOS member: their own sessions)
  'ledger.view': STAFF,
  'payouts.view': STAFF,
  'settings.view': STAFF,
  'plans.view': STAFF, // plans.service listPlans: STAFF
  'units.view': STAFF, // units.service: a kos member's unit list answers 403
  'advisor.view': STAFF, // advisor.service platformAdvice: org-wide figures, staff only
  'matrix.view': STAFF, // accounts.service matrixView: staff only (a kos member reads their own accounts on /me)
  'products.view': EVERYONE, // the catalogue is org-wide: every role reads it
  'recruitment.view': STAFF, // recruitment drives.service: staff read (viewers masked)
  'tiers.view': STAFF, // tiers.service distribution and scorecards: staff in scope (a kos member reads /me/scorecard)
  'contests.view': STAFF, // the contests page; a KOS member reads their own contests from /me
  'contests.read': EVERYONE, // one contest and its standings (a KOS member: the contests they take part in)
  'training.view': STAFF, // training courses.service and report.service: staff read (a KOS member plays on /me/training)
  'me.view': ['kos'],

  'kos.create': EDITORS,
  'kos.edit': EDITORS,
  /** A KOS member changes only `bio`, `avatarUrl` and `contacts` of their own record (kos.service SELF_EDITABLE). */
  'kos.editOwnProfile': ['kos'],
  'accounts.edit': EDITORS,
  'links.create': EDITORS,
  'links.edit': EDITORS,
  'lines.assign': EDITORS,
  'livestreams.create': EDITORS,
  'livestreams.edit': EDITORS,
  'recruitment.edit': EDITORS, // drives, assessments, pipeline moves, conversion (managers in their subtree)
  'units.create': EDITORS,
  'units.edit': unitEditable,
  'units.delete': unitEditable,
  'products.edit': ADMINS,
  'plans.edit': ADMINS,
  'imports.view': ADMINS, // reports are org-wide data: listing imports needs owner/admin too
  'imports.create': ADMINS,
  'ledger.book': ADMINS, // manual bonus / adjustment
  'payouts.close': ADMINS,
  'payouts.approve': ADMINS,
  'payouts.markPaid': ADMINS,
  'payouts.export': ADMINS,
  'org.edit': ADMINS,
  'tiers.recompute': ADMINS, // POST /tiers/recompute
  'members.manage': ADMINS,
  /** Only an owner grants the owner role (access.ts canGrant). */
  'members.grant': (caller, subject) => caller.role === 'owner' || (caller.role === 'admin' && subject.role !== 'owner'),
  'apiKeys.manage': ADMINS,
  'training.edit': ADMINS, // courses.service createCourse / patchCourse: owners and admins
  'training.moveDue': ADMINS, // enrolments.service moveDueAt
  'contests.edit': ADMINS, // contests create bonus entries: like plans, owners and admins
  'contests.close': ADMINS, // books the awards into the ledger
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;
export const ACTIONS = Object.keys(RULES) as Action[];

/** Whether `caller` may take `action` (on `subject`, for the rules that look at one). */
export function canDo(caller: Caller, action: Action, subject: Subject = {}): boolean {
  const rule: Rule = RULES[action];
  return typeof rule === 'function' ? rule(caller, subject) : rule.includes(caller.role);
}
