import { TIERS, type Tier } from '../kos/kos.js';
import { completionRate, enrolmentStatus, type StoredStatus } from './training.js';

/** One enrolment as the report counts it: its course, and its KOS's own unit and current tier. */
export interface ReportInput {
  courseId: string;
  unitId: string | null;
  tier: Tier | null;
  status: StoredStatus;
  dueAt: number;
}

export interface ReportRow {
  courseId: string;
  unitId: string | null;
  tier: Tier | null;
  assigned: number;
  completed: number;
  overdue: number;
  completionRate: number | null;
}

const tierRank = (tier: Tier | null): number => (tier === null ? TIERS.length : TIERS.indexOf(tier));

/**
 * The completion report (docs/training.md): one row per course × unit × tier that has enrolments —
 * assigned counts them all, completed the completed ones, overdue those read as overdue at `now`.
 * Rows by course, then unit (no unit last), then tier S, A, B, C, none.
 */
export function reportRows(enrolments: readonly ReportInput[], now: number): ReportRow[] {
  const rows = new Map<string, ReportRow>();
  for (const e of enrolments) {
    const key = JSON.stringify([e.courseId, e.unitId, e.tier]);
    let row = rows.get(key);
    if (!row) {
      row = { courseId: e.courseId, unitId: e.unitId, tier: e.tier, assigned: 0, completed: 0, overdue: 0, completionRate: null };
      rows.set(key, row);
    }
    row.assigned += 1;
    if (e.status === 'completed') row.completed += 1;
    if (enrolmentStatus(e.status, e.dueAt, now) === 'overdue') row.overdue += 1;
  }
  const cmp = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  return [...rows.values()]
    .map((r) => ({ ...r, completionRate: completionRate(r.assigned, r.completed) }))
    .sort((a, b) => cmp(a.courseId, b.courseId) || cmp(a.unitId, b.unitId) || tierRank(a.tier) - tierRank(b.tier));
}
